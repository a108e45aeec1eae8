"""`@types.coroutine` makes a generator function's generators awaitable: the bridge to `async def`.

Before Python 3.5, coroutines were generators driven with `yield from`. `await` refuses a plain
generator, but a generator made by a `@types.coroutine` function is awaitable: `await` delegates to
it as `yield from` would. The decorator wraps nothing: it sets a flag on the function's code object
and returns the same function, whose calls still make ordinary generator objects. asyncio uses the
bridge: `asyncio.sleep(0)` awaits a `@types.coroutine` generator whose body is a bare `yield`.
"""

import asyncio
import types

import pytest

from pytest_katas import __


def plain():
    reply = yield "from plain"
    return reply


@types.coroutine
def bridged():
    reply = yield "from bridged"
    return reply


async def await_plain():
    return await plain()


async def await_bridged():
    return await bridged()


def test_await_refuses_a_plain_generator():
    with pytest.raises(Exception) as info:
        await_plain().send(None)
    assert info.typename == __


def test_await_accepts_a_types_coroutine_generator():
    coro = await_bridged()
    assert coro.send(None) == __


def test_the_decorator_returns_the_function_and_it_still_makes_a_generator():
    assert (type(bridged).__name__, type(bridged()).__name__) == __


def test_asyncio_sleep_zero_is_one_bare_yield():
    coro = asyncio.sleep(0, result="slept")
    yielded = [coro.send(None)]
    with pytest.raises(StopIteration) as info:
        coro.send(None)
    assert (yielded, info.value.value) == __
