"""close() returns None up to Python 3.12; from 3.13 it returns what the closing generator returns.

The seed note's generator_with_return catches GeneratorExit and returns a value, which the note
says "is completely ignored". That holds on 3.10 to 3.12, where close() always returns None.
Since Python 3.13, close() returns that value. When the generator lets GeneratorExit through, or
never started, close() returns None on every version.
"""

import sys

import pytest

from pytest_katas import __


def generator_with_return():
    try:
        yield "first value"
        return "return value"
    except GeneratorExit:
        return "value returned in GeneratorExit"


def test_a_normal_return_arrives_in_stopiteration():
    gen = generator_with_return()
    next(gen)
    with pytest.raises(StopIteration) as info:
        next(gen)
    assert info.value.value == __


def test_what_close_returns_depends_on_the_version():
    gen = generator_with_return()
    next(gen)
    expected = __ if sys.version_info >= (3, 13) else __
    assert gen.close() == expected


def test_closing_it_before_it_starts_returns_none():
    gen = generator_with_return()
    assert gen.close() is __
