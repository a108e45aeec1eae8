"""gen.throw(exc) raises exc inside the generator, at the yield where it is paused.

From there on it is an ordinary exception. If the generator catches it and carries on, throw()
returns the next value the generator yields, just as next() would have. If the generator does not
catch it, it propagates out of the generator and out of throw() to the caller, and the generator
is finished.
"""

import inspect

import pytest

from pytest_katas import __


def worker(log):
    try:
        yield "a"
    except ValueError as err:
        log.append(f"caught at a: {err}")
    try:
        yield "b"
    except ValueError as err:
        log.append(f"caught at b: {err}")
    yield "c"


def test_the_exception_is_raised_at_the_paused_yield():
    log = []
    gen = worker(log)
    next(gen)
    next(gen)
    gen.throw(ValueError("boom"))
    assert log == ["caught at b: boom"]


def test_when_handled_throw_returns_the_next_yielded_value():
    gen = worker([])
    next(gen)
    assert gen.throw(ValueError("boom")) == "b"


def test_when_not_handled_it_comes_out_of_throw_and_finishes_the_generator():
    gen = worker([])
    next(gen)
    with pytest.raises(Exception) as info:
        gen.throw(KeyError("missing"))
    assert [info.type, inspect.getgeneratorstate(gen)] == [KeyError, inspect.GEN_CLOSED]
