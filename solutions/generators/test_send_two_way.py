"""send(v) resumes the generator, the paused yield evaluates to v, and send returns the next yield.

One call carries traffic both ways: a value goes in (it becomes the result of the paused
`x = yield ...` expression) and the next yielded value comes out. next(gen) is gen.send(None).
"""

import pytest

from pytest_katas import __


def simple_generator(log):
    log.append("generator started")
    x = yield "first pause"
    log.append(f"x received {x}")
    y = yield "second pause"
    log.append(f"y received {y}")
    return "generator finished"


def test_the_first_next():
    gen = simple_generator([])
    assert next(gen) == "first pause"


def test_what_send_returns():
    gen = simple_generator([])
    next(gen)
    assert gen.send(100) == "second pause"


def test_what_the_paused_yield_evaluates_to():
    log = []
    gen = simple_generator(log)
    next(gen)
    gen.send(100)
    assert log[-1] == "x received 100"


def test_what_next_sends():
    log = []
    gen = simple_generator(log)
    next(gen)
    next(gen)
    assert log[-1] == "x received None"


def test_the_whole_conversation():
    log = []
    gen = simple_generator(log)
    next(gen)
    gen.send(100)
    with pytest.raises(StopIteration):
        gen.send(200)
    assert log == ["generator started", "x received 100", "y received 200"]
