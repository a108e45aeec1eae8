"""Calling a generator function runs none of its body: each next() runs it up to the next yield.

A function with `yield` in it is a generator function. Calling it only builds a generator object;
the body starts on the first next(), runs until a yield hands a value out, and stays paused there
until the following next().
"""

import types

from pytest_katas import __


def countdown(n, events):
    events.append("started")
    while n > 0:
        events.append(f"yielding {n}")
        yield n
        n -= 1
    events.append("finished")


def test_what_calling_the_function_runs():
    events = []
    countdown(2, events)
    assert events == __


def test_what_calling_the_function_returns():
    gen = countdown(2, [])
    assert type(gen) is __


def test_the_first_next():
    events = []
    gen = countdown(2, events)
    next(gen)
    assert events == __


def test_the_second_next():
    events = []
    gen = countdown(2, events)
    next(gen)
    next(gen)
    assert events == __
