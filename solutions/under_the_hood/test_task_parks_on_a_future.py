"""asyncio's Task parks a coroutine on the Future it yields and wakes it from its done callback.

It is often said that an event loop is nothing more than code that calls `send`. asyncio's Task does
call `coro.send(None)`, but then looks at what came out. `await future` yields the Future itself;
the Task adds a done callback to it and is parked: nothing resumes the coroutine until the Future is
done. When it is, the Future schedules its done callbacks with the loop's `call_soon`, in the order
they were added, and the Task's callback sends into the coroutine again (the result is not sent in:
`await future` returns `future.result()`). A bare `yield` (None) makes the Task ask `call_soon` to
run it again on the next turn. Anything else fails the task with RuntimeError.
"""

import asyncio

import pytest

from pytest_katas import __


class Turn:
    """An awaitable that yields a plain value, as the round-robin loop's coroutines did."""

    def __await__(self):
        yield "turn"


async def wait_for(future):
    return await future


def test_await_future_yields_the_future_itself():
    loop = asyncio.new_event_loop()
    try:
        future = loop.create_future()
        coro = wait_for(future)
        yielded = coro.send(None)
        future.set_result("ready")
        with pytest.raises(StopIteration) as info:
            coro.send(None)
    finally:
        loop.close()
    assert (yielded, info.value.value) == (future, "ready")


def test_the_task_wakes_from_a_done_callback_and_refuses_any_other_yield():
    async def main():
        log = []
        future = asyncio.get_running_loop().create_future()

        async def waiter():
            await future
            log.append("task woke")

        async def takes_a_turn():
            await Turn()

        future.add_done_callback(lambda f: log.append("callback added before the task waited"))
        task = asyncio.create_task(waiter())
        await asyncio.sleep(0)  # the task runs up to `await future`
        future.add_done_callback(lambda f: log.append("callback added after the task waited"))
        future.set_result(None)
        log.append("result set")
        await task
        with pytest.raises(Exception) as info:
            await asyncio.create_task(takes_a_turn())
        return [log, info.type]

    assert asyncio.run(main()) == [
        [
            "result set",
            "callback added before the task waited",
            "task woke",
            "callback added after the task waited",
        ],
        RuntimeError,
    ]
