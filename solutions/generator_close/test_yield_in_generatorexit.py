"""Yielding while handling GeneratorExit makes close() raise RuntimeError.

close() expects the generator to finish. If it yields a value instead, close() raises a
RuntimeError (its message says the generator ignored GeneratorExit), the yielded value is lost,
and the generator is left suspended at that yield.
"""

import inspect

import pytest

from pytest_katas import __


def yield_in_generatorexit(log):
    try:
        yield "normal value"
    except GeneratorExit:
        log.append("entering the GeneratorExit handler")
        yield "trying to yield in GeneratorExit"
        log.append("resumed after the second yield")


def test_close_raises_runtimeerror_and_the_handler_stays_at_its_yield():
    log = []
    gen = yield_in_generatorexit(log)
    next(gen)
    with pytest.raises(Exception) as info:
        gen.close()
    log.append(inspect.getgeneratorstate(gen))
    assert [info.type, log] == [
        RuntimeError,
        ["entering the GeneratorExit handler", inspect.GEN_SUSPENDED],
    ]
