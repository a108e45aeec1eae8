"""`@types.coroutine` makes a generator function's generators awaitable: the bridge to `async def`.

Before Python 3.5, coroutines were generators driven with `yield from`. `await` refuses a plain
generator, but a generator made by a `@types.coroutine` function is awaitable: `await` delegates to
it as `yield from` would, and it is still an ordinary generator object. asyncio itself uses the
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
    assert info.typename == "TypeError"


def test_await_accepts_a_types_coroutine_generator():
    coro = await_bridged()
    assert coro.send(None) == "from bridged"


def test_a_types_coroutine_generator_is_still_a_generator():
    gen = bridged()
    kinds = (isinstance(gen, types.GeneratorType), isinstance(gen, types.CoroutineType))
    assert kinds == (True, False)


def test_asyncio_sleep_zero_is_one_bare_yield():
    coro = asyncio.sleep(0, result="slept")
    yielded = [coro.send(None)]
    with pytest.raises(StopIteration) as info:
        coro.send(None)
    assert (yielded, info.value.value) == ([None], "slept")
