"""`asyncio.run(coro)` runs a coroutine in a new event loop, closes it, and returns the result.

Each call starts from a fresh loop, so nothing (tasks, loop state) carries over from one
`asyncio.run` to the next. It is the entry point at the top of a program: inside a running loop you
`await` instead, and `asyncio.run` refuses to start a second loop there.
"""

import asyncio

import pytest

from pytest_katas import __


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def current_loop():
    return asyncio.get_running_loop()


def test_run_returns_what_the_coroutine_returns():
    assert asyncio.run(add(2, 3)) == 5


def test_each_run_uses_a_new_loop():
    first = asyncio.run(current_loop())
    second = asyncio.run(current_loop())
    assert (first is second) == False


def test_the_loop_is_closed_once_run_returns():
    loop = asyncio.run(current_loop())
    assert loop.is_closed() == True


def test_run_refuses_to_start_inside_a_running_loop():
    async def main():
        inner = add(1, 2)
        with pytest.raises(BaseException) as caught:
            asyncio.run(inner)
        inner.close()
        return caught.type

    assert asyncio.run(main()) is RuntimeError
