"""`asyncio.run(coro)` runs a coroutine in a new event loop, closes it, and returns the result.

It takes the coroutine object, not the function: `asyncio.run(add(2, 3))`, never `asyncio.run(add)`.
Each call starts from a fresh loop, so nothing (tasks, loop state) carries over from one
`asyncio.run` to the next, and the loop is closed by the time it returns. It is the entry point at
the top of a program: inside a running loop you `await` instead, and `asyncio.run` refuses to start
a second loop there.
"""

import asyncio

import pytest

from pytest_katas import __


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def current_loop():
    return asyncio.get_running_loop()


async def loop_and_its_status():
    loop = asyncio.get_running_loop()
    return loop, [loop.is_running(), loop.is_closed()]


def test_run_returns_what_the_coroutine_returns():
    assert asyncio.run(add(2, 3)) == __


def test_run_wants_the_coroutine_not_the_function():
    with pytest.raises(__):
        asyncio.run(add)


def test_each_run_uses_a_new_loop_and_closes_it():
    loops = [asyncio.run(current_loop()) for _ in range(3)]
    assert [len(set(loops)), [loop.is_closed() for loop in loops]] == __


def test_the_loop_runs_inside_and_is_closed_once_run_returns():
    loop, inside = asyncio.run(loop_and_its_status())
    after = [loop.is_running(), loop.is_closed()]
    assert [inside, after] == __


def test_run_refuses_to_start_inside_a_running_loop():
    async def main():
        inner = add(1, 2)
        with pytest.raises(BaseException) as caught:
            asyncio.run(inner)
        inner.close()
        return caught.type

    assert asyncio.run(main()) is __
