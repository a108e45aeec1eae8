"""Build `chain_all(*gens)`: delegate to each generator in turn, return the sum of their results.

`yield from` is a full delegation, so `chain_all` needs no code for send, throw or close: values
sent to it and exceptions thrown into it reach whichever generator is running, and closing it closes
that generator. A `for` loop that re-yields each value would pass the values out, but not what is
sent or thrown in, and it loses each generator's return value.
"""

import inspect

import pytest

from pytest_katas import __


def chain_all(*gens):
    """Delegate to each generator in turn; return the sum of their return values."""
    total = 0
    for gen in gens:
        total += yield from gen
    return total


def count_to(n):
    """Yield 1 to n, then return n."""
    yield from range(1, n + 1)
    return n


def adder(count):
    """Receive `count` numbers through send(), then return their sum."""
    total = 0
    for _ in range(count):
        total += yield
    return total


def until_stopped():
    """Yield "waiting" until ValueError is thrown in; then return 100."""
    try:
        while True:
            yield "waiting"
    except ValueError:
        return 100


def drain(gen):
    """Run gen to its end; return what it yielded and what it returned."""
    values = []
    while True:
        try:
            values.append(next(gen))
        except StopIteration as stop:
            return values, stop.value


def test_chain_all_yields_the_values_of_each_generator_in_turn():
    values, _ = drain(chain_all(count_to(2), count_to(3)))
    assert values == [1, 2, 1, 2, 3]


def test_chain_all_returns_the_sum_of_the_return_values():
    _, result = drain(chain_all(count_to(2), count_to(3), count_to(4)))
    assert result == 9


def test_values_sent_to_chain_all_reach_the_running_generator():
    gen = chain_all(adder(2), adder(1))
    next(gen)
    gen.send(10)
    gen.send(20)
    with pytest.raises(StopIteration) as info:
        gen.send(5)
    assert info.value.value == 35


def test_an_exception_thrown_into_chain_all_reaches_the_running_generator():
    gen = chain_all(until_stopped(), count_to(2))
    next(gen)
    assert gen.throw(ValueError("stop")) == 1
    assert drain(gen) == ([2], 102)


def test_closing_chain_all_closes_the_running_generator():
    first, second = count_to(3), count_to(3)
    gen = chain_all(first, second)
    next(gen)
    gen.close()
    assert inspect.getgeneratorstate(first) == "GEN_CLOSED"
    assert inspect.getgeneratorstate(second) == "GEN_CREATED"
