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


def test_calling_the_function_runs_none_of_its_body():
    events = []
    countdown(2, events)
    assert events == []


def test_calling_the_function_returns_a_generator_object():
    gen = countdown(2, [])
    assert type(gen) is types.GeneratorType


def test_next_runs_the_body_up_to_the_first_yield():
    events = []
    gen = countdown(2, events)
    next(gen)
    assert events == ["started", "yielding 2"]


def test_the_next_next_resumes_right_after_the_yield():
    events = []
    gen = countdown(2, events)
    next(gen)
    next(gen)
    assert events == ["started", "yielding 2", "yielding 1"]
