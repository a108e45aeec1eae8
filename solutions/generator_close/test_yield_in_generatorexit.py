"""Yielding while handling GeneratorExit makes close() raise RuntimeError.

close() expects the generator to finish. If it yields a value instead, close() raises
RuntimeError("generator ignored GeneratorExit"), the yielded value is lost, and the generator is
left suspended at that yield. This is the seed note's test_yield_in_generatorexit, renamed so
that pytest does not collect it.
"""

import inspect

import pytest

from pytest_katas import __


def yield_in_generatorexit():
    try:
        yield "normal value"
    except GeneratorExit:
        print("entering the GeneratorExit handler")
        yield "trying to yield in GeneratorExit"
        print("this line never runs")


def test_close_raises_runtimeerror():
    gen = yield_in_generatorexit()
    next(gen)
    with pytest.raises(Exception) as info:
        gen.close()
    assert info.type is RuntimeError


def test_the_message_names_the_mistake():
    gen = yield_in_generatorexit()
    next(gen)
    with pytest.raises(RuntimeError) as info:
        gen.close()
    assert str(info.value) == "generator ignored GeneratorExit"


def test_the_handler_ran_up_to_its_yield(capsys):
    gen = yield_in_generatorexit()
    next(gen)
    with pytest.raises(RuntimeError):
        gen.close()
    assert capsys.readouterr().out == "entering the GeneratorExit handler\n"


def test_the_generator_is_left_suspended():
    gen = yield_in_generatorexit()
    next(gen)
    with pytest.raises(RuntimeError):
        gen.close()
    assert inspect.getgeneratorstate(gen) == inspect.GEN_SUSPENDED
