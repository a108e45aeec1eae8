"""Throwing into a generator that has not started raises the exception straight back out.

A fresh generator is not paused at any yield and has entered none of its try blocks, so nothing
in it can catch the exception: throw() raises it before the first line of the body, it propagates
out at once, and the generator is closed without having run. Start it with next() first if it is
meant to handle what you throw.
"""

import inspect

import pytest

from pytest_katas import __


def guarded(log):
    log.append("body started")
    try:
        yield "working"
    except ValueError:
        log.append("handled")
        yield "recovered"


def test_the_exception_comes_straight_out_and_none_of_the_body_runs():
    log = []
    gen = guarded(log)
    with pytest.raises(Exception) as info:
        gen.throw(ValueError("too early"))
    log.append(inspect.getgeneratorstate(gen))
    log.append(next(gen, "no more values"))
    assert [info.type, log] == __
