"""A just-started generator is paused at no yield, so start it with next() or send(None).

There is no yield expression yet to receive a value: send(10) on a fresh generator raises
TypeError, runs none of the body and leaves the generator unstarted, still usable. next(gen) or
gen.send(None) runs it to its first yield; from there on, send() can deliver values.
"""

import inspect

import pytest

from pytest_katas import __


def must_start_with_next(log):
    log.append("start")
    value = yield "ready to receive"
    log.append(f"received {value}")


def test_sending_a_value_to_a_new_generator():
    gen = must_start_with_next([])
    with pytest.raises(Exception) as info:
        gen.send(10)
    assert info.type is __


def test_after_a_rejected_send():
    log = []
    gen = must_start_with_next(log)
    with pytest.raises(TypeError):
        gen.send(10)
    log.append(inspect.getgeneratorstate(gen))
    log.append(next(gen))
    assert log == __


def test_send_none_to_a_new_generator():
    gen = must_start_with_next([])
    assert gen.send(None) == __


def test_send_after_starting():
    log = []
    gen = must_start_with_next(log)
    gen.send(None)
    with pytest.raises(StopIteration):
        gen.send(10)
    assert log == __
