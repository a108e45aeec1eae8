"""`await obj` runs the generator `obj.__await__()`; what it yields goes out to the `send` caller.

An awaitable is any object whose `__await__` returns an iterator, usually a generator. `await`
delegates to it exactly as `yield from` does: each value it yields is passed straight out of the
coroutine, through every `await` in between, to the code that called `send`, and the value sent back
in resumes it. When the coroutine returns, `send` raises `StopIteration` carrying the return value.
Whoever calls `send` drives the coroutine. Here that is the test itself; asyncio's Task is pickier
than a bare `send` loop: it accepts only a Future (and parks until it is done) or None from a yield.
"""

import pytest

from pytest_katas import __


class Pause:
    """An awaitable written by hand: its `__await__` is a generator that yields once."""

    def __await__(self):
        reply = yield "paused"
        return f"resumed with {reply}"


async def job():
    got = await Pause()
    return f"job got: {got}"


async def outer_job():
    result = await job()
    return result.upper()


def test_the_first_send_runs_the_coroutine_up_to_the_yield_inside_await():
    coro = job()
    assert coro.send(None) == __


def test_the_return_value_arrives_in_stop_iteration():
    coro = job()
    coro.send(None)
    with pytest.raises(StopIteration) as info:
        coro.send("hello")
    assert info.value.value == __


def test_a_yield_deep_inside_nested_awaits_reaches_the_outermost_send():
    coro = outer_job()
    first = coro.send(None)
    with pytest.raises(StopIteration) as info:
        coro.send("hi")
    assert (first, info.value.value) == __


def test_awaiting_an_object_without_await_is_an_error():
    async def bad():
        await 42

    with pytest.raises(Exception) as info:
        bad().send(None)
    assert info.typename == __
