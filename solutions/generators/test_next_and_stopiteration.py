"""next() returns each yielded value in turn; once the body has ended, next() raises StopIteration.

A generator cannot be rewound: once exhausted, every later next() raises StopIteration again.
A for loop, list() and friends call next() for you and stop quietly at StopIteration, taking only
what is left; next(gen, default) returns the default instead of raising.
"""

import pytest

from pytest_katas import __


def three_colours():
    yield "red"
    yield "green"
    yield "blue"


def test_the_first_two_nexts():
    gen = three_colours()
    assert [next(gen), next(gen)] == ["red", "green"]


def test_next_after_the_last_yield():
    gen = three_colours()
    next(gen)
    next(gen)
    next(gen)
    with pytest.raises(Exception) as info:
        next(gen)
    assert info.type is StopIteration


def test_draining_a_half_used_generator():
    gen = three_colours()
    next(gen)
    seen = [list(gen), list(gen), next(gen, "no more")]
    assert seen == [["green", "blue"], [], "no more"]
