"""close() returns None up to Python 3.12; from 3.13 it returns what the closing generator returns.

It is often said that a value returned while handling GeneratorExit "is completely ignored". That
holds on 3.10 to 3.12, where close() always returns None. Since Python 3.13, close() returns that
value. Only a suspended generator that catches GeneratorExit and returns can hand close() a value:
a generator that never started, one already closed, or one that lets GeneratorExit through gives
None on every version.
"""

import sys

from pytest_katas import __


def generator_with_return():
    try:
        yield "first value"
        return "return value"
    except GeneratorExit:
        return "value returned in GeneratorExit"


def lets_it_through():
    yield "first value"


def test_what_close_returns_depends_on_the_version():
    unstarted = generator_with_return()
    started = generator_with_return()
    next(started)
    plain = lets_it_through()
    next(plain)
    results = [unstarted.close(), started.close(), started.close(), plain.close()]
    assert results == (
        [None, "value returned in GeneratorExit", None, None]
        if sys.version_info >= (3, 13)
        else [None, None, None, None]
    )
