"""Build: run N workers at once with `asyncio.gather` and return their results in worker order.

`gather(*aws)` takes the awaitables as separate arguments (unpack a list with `*`), wraps each
coroutine in a task so they all run concurrently, and returns a list of results in argument order,
whatever order they finished in. Awaiting the workers one after the other in a loop would run them
one at a time instead, and collecting results as they complete would put them in finishing order.
"""

import asyncio

from pytest_katas import __


async def worker(i, events):
    """Worker i pauses 3 - i times, so a later worker finishes sooner."""
    events.append(f"start {i}")
    for _ in range(3 - i):
        await asyncio.sleep(0)
    events.append(f"end {i}")
    return i * i


async def run_workers(n, events):
    """Run worker(0, events) … worker(n - 1, events) concurrently; return the results in a list."""
    return await asyncio.gather(*(worker(i, events) for i in range(n)))


def test_it_returns_every_result_in_worker_order():
    assert asyncio.run(run_workers(3, [])) == [0, 1, 4]


def test_the_workers_run_concurrently():
    events = []
    asyncio.run(run_workers(3, events))
    assert events == ["start 0", "start 1", "start 2", "end 2", "end 1", "end 0"]


def test_no_workers_give_an_empty_list():
    assert asyncio.run(run_workers(0, [])) == []
