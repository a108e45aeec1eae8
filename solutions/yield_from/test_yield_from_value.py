"""The value of a `yield from` expression is the inner generator's return value.

When the inner generator returns, its `StopIteration` never reaches the caller: `yield from` catches
it and hands its `value` to the outer generator, which simply carries on. Only when the outer
generator itself returns does the caller see a `StopIteration`, carrying the outer return value.
"""

import pytest

from pytest_katas import __


def test_yield_from_evaluates_to_the_inner_return_value():
    def inner():
        yield 1
        return "inner result"

    def outer():
        result = yield from inner()
        yield f"outer got {result}"

    assert list(outer()) == [1, "outer got inner result"]


def test_yield_from_a_plain_iterable_evaluates_to_none():
    def outer():
        result = yield from [1, 2]
        yield result

    assert list(outer()) == [1, 2, None]


def test_the_caller_sees_only_the_outer_return_value():
    def tally():
        total = 0
        while True:
            x = yield
            if x is None:
                return total
            total += x

    def outer():
        total = yield from tally()
        return f"the total is {total}"

    gen = outer()
    next(gen)
    gen.send(3)
    gen.send(4)
    with pytest.raises(StopIteration) as info:
        gen.send(None)
    assert info.value.value == "the total is 7"
