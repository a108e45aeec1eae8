"""Build a generator that reacts to an exception thrown into it: a counter that can be reset.

A yield wrapped in try/except is a place where the caller can reach into the generator with
throw(). Catch the exception there, change the generator's state, and loop on to the next yield:
that yielded value is what throw() returns.
"""

import inspect

import pytest

from pytest_katas import __


class Reset(Exception):
    """Thrown into counter() to make it count again from its start value."""


def counter(start):
    """Yield start, start + 1, start + 2, ... without end. When Reset is thrown in, start over:
    throw() then returns start. Any other exception thrown in ends the generator."""
    n = start
    while True:
        try:
            yield n
        except Reset:
            n = start
        else:
            n += 1


def test_it_counts_up_from_start():
    c = counter(5)
    assert [next(c), next(c), next(c)] == [5, 6, 7]


def test_throwing_reset_returns_the_start_value():
    c = counter(5)
    next(c)
    next(c)
    next(c)
    assert c.throw(Reset()) == 5


def test_it_counts_on_after_a_reset():
    c = counter(5)
    next(c)
    next(c)
    c.throw(Reset())
    assert [next(c), next(c)] == [6, 7]


def test_it_can_be_reset_again_and_again():
    c = counter(5)
    next(c)
    assert [c.throw(Reset()), c.throw(Reset()), next(c), c.throw(Reset())] == [5, 5, 6, 5]


def test_other_exceptions_end_it():
    c = counter(5)
    next(c)
    with pytest.raises(ValueError):
        c.throw(ValueError("stop"))
    assert inspect.getgeneratorstate(c) == inspect.GEN_CLOSED
