"""Build a coroutine-style generator: prime it with next(), then feed it values with send().

Such a generator keeps its state in local variables between calls. Each `value = yield result`
hands the latest result out and waits for the next value to come in.
"""

import inspect

from pytest_katas import __


def running_average():
    """Prime it with next(), which yields None; then every send(number) returns the mean of all
    the numbers sent so far."""
    total = 0
    count = 0
    average = None
    while True:
        number = yield average
        total += number
        count += 1
        average = total / count


def test_priming_yields_none():
    avg = running_average()
    assert next(avg) is None


def test_each_send_returns_the_average_so_far():
    avg = running_average()
    next(avg)
    assert avg.send(10) == 10
    assert avg.send(20) == 15
    assert avg.send(0) == 10


def test_each_generator_keeps_its_own_numbers():
    a = running_average()
    b = running_average()
    next(a)
    next(b)
    a.send(10)
    b.send(100)
    assert a.send(20) == 15
    assert b.send(300) == 200


def test_it_keeps_waiting_for_more():
    avg = running_average()
    next(avg)
    for number in range(1, 101):
        result = avg.send(number)
    assert result == 50.5
    assert inspect.getgeneratorstate(avg) == inspect.GEN_SUSPENDED
