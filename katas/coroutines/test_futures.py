"""A Future holds a result that comes later; setting it schedules its waiters, it does not run them.

`loop.create_future()` makes a Future bound to the running loop. Awaiting it suspends until someone
calls `set_result` (or `set_exception`). `set_result` marks it done and *schedules* its done
callbacks, and waking the task that awaits it is one of them: they run on a later turn of the loop,
not inside `set_result`. This is how a coroutine waiting for I/O is woken: the loop completes a
Future, and the task parked on it is scheduled to run again. A Future can be resolved only once.
"""

import asyncio

import pytest

from pytest_katas import __


def test_awaiting_a_future_gives_its_result():
    async def main():
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        loop.call_soon(future.set_result, 42)
        return await future

    assert asyncio.run(main()) == __


def test_set_result_does_not_run_the_waiting_task_at_once():
    async def main():
        events = []
        future = asyncio.get_running_loop().create_future()

        async def waiter():
            events.append(f"got {await future}")

        task = asyncio.create_task(waiter())
        await asyncio.sleep(0)  # the waiter runs up to `await future`
        future.set_result(1)
        events.append("after set_result")
        await task
        return events

    assert asyncio.run(main()) == __


def test_a_done_callback_runs_on_a_later_loop_iteration():
    async def main():
        events = []
        future = asyncio.get_running_loop().create_future()
        future.add_done_callback(lambda f: events.append(f"callback saw {f.result()}"))
        future.set_result(7)
        events.append("after set_result")
        await asyncio.sleep(0)
        return events

    assert asyncio.run(main()) == __


def test_a_future_is_resolved_only_once():
    async def main():
        future = asyncio.get_running_loop().create_future()
        future.set_result(1)
        with pytest.raises(BaseException) as caught:
            future.set_result(2)
        return caught.type

    assert asyncio.run(main()) is __
