"""A generator's return value comes out as the value attribute of the StopIteration that ends it.

`return v` in a generator does not yield v: the next() that reaches it raises StopIteration, and
StopIteration.value is v (None when the body just ends). It is delivered once: every later next()
raises a fresh StopIteration whose value is None. A for loop or list() swallows that StopIteration,
and the return value with it; `yield from` is the construct that collects it.
"""

import pytest

from pytest_katas import __


def fetch_pages():
    yield "page 1"
    yield "page 2"
    return "2 pages fetched"


def just_yields():
    yield "only value"


def stop_values(gen, count):
    """Call next(gen) count times, each one expected to raise StopIteration; return their values."""
    values = []
    for _ in range(count):
        with pytest.raises(StopIteration) as info:
            next(gen)
        values.append(info.value.value)
    return values


def test_what_list_collects():
    assert list(fetch_pages()) == __


def test_the_value_of_the_stopiteration():
    gen = fetch_pages()
    next(gen)
    next(gen)
    with pytest.raises(StopIteration) as info:
        next(gen)
    assert info.value.value == __


def test_the_value_without_a_return():
    gen = just_yields()
    next(gen)
    with pytest.raises(StopIteration) as info:
        next(gen)
    assert info.value.value is __


def test_the_values_of_later_stopiterations():
    gen = fetch_pages()
    next(gen)
    next(gen)
    assert stop_values(gen, 3) == __
