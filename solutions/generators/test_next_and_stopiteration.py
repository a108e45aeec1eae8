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


def test_next_returns_the_yielded_values_in_order():
    gen = three_colours()
    assert [next(gen), next(gen)] == ["red", "green"]


def test_next_after_the_last_yield_raises_stopiteration():
    gen = three_colours()
    next(gen)
    next(gen)
    next(gen)
    with pytest.raises(Exception) as info:
        next(gen)
    assert info.type is StopIteration


def test_list_takes_only_what_is_left():
    gen = three_colours()
    next(gen)
    assert list(gen) == ["green", "blue"]


def test_an_exhausted_generator_does_not_start_again():
    gen = three_colours()
    list(gen)
    assert list(gen) == []


def test_next_with_a_default_returns_it_instead_of_raising():
    gen = three_colours()
    list(gen)
    assert next(gen, "no more") == "no more"
