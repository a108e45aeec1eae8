"""`await coro` runs a coroutine now, in the current task; `create_task(coro)` only schedules it.

The event loop runs one task at a time and switches only where the running task suspends: at an
`await` that has to wait. A new task first runs when its creator next suspends. `await
asyncio.sleep(0)` is the smallest yield point: it suspends just long enough for every other ready
task to take one step. Awaiting a coroutine directly is not a switch in itself: the coroutine runs
inside the caller's task, and if it never suspends, no other task runs in between. It is often said
that the loop wraps every coroutine it runs in a Task: `create_task`, `gather` and `asyncio.run`
do, but a directly awaited coroutine gets no Task of its own.
"""

import asyncio

from pytest_katas import __


async def worker(name, events):
    events.append(f"{name} start")
    await asyncio.sleep(0)
    events.append(f"{name} end")


async def worker_without_pause(name, events):
    events.append(f"{name} start")
    events.append(f"{name} end")


def test_create_task_does_not_start_the_coroutine():
    async def main():
        events = []
        task = asyncio.create_task(worker("T", events))
        seen_before_any_await = list(events)
        await task
        return seen_before_any_await

    assert asyncio.run(main()) == []


def test_a_directly_awaited_coroutine_gets_no_task_of_its_own():
    async def count_tasks():
        return len(asyncio.all_tasks())  # the tasks of this loop not yet done

    async def main():
        return [await count_tasks(), await asyncio.create_task(count_tasks())]

    assert asyncio.run(main()) == [1, 2]


def test_a_task_runs_when_the_direct_await_yields():
    async def main():
        events = []
        t = asyncio.create_task(worker("T", events))
        events.append("after create_task")
        await worker("D", events)
        events.append("after direct await")
        await t
        events.append("after await task")
        return events

    assert asyncio.run(main()) == [
        "after create_task",
        "D start",
        "T start",
        "D end",
        "after direct await",
        "T end",
        "after await task",
    ]


def test_without_a_yield_point_the_task_waits_its_turn():
    async def main():
        events = []
        t = asyncio.create_task(worker("T", events))
        events.append("after create_task")
        await worker_without_pause("D", events)
        events.append("after direct await")
        await t
        events.append("after await task")
        return events

    assert asyncio.run(main()) == [
        "after create_task",
        "D start",
        "D end",
        "after direct await",
        "T start",
        "T end",
        "after await task",
    ]
