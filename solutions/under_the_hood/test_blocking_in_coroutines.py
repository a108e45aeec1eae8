"""Coroutines take turns only at an `await` that suspends: a `time.sleep` in one stalls them all.

All coroutines of an event loop run in one thread, taking turns at their `await`s. A blocking call
such as `time.sleep` (or a blocking socket read) never returns to the loop, so no other coroutine
runs until it is over; `await asyncio.sleep(0)` hands control back to the loop, and
`asyncio.to_thread` runs the blocking call in a worker thread while the loop goes on. The seed note
says a coroutine switch costs nanoseconds while a thread switch is expensive; in fact a switch
through asyncio's event loop is of the same order as the thread switch it quotes. Coroutines win by
switching only where you `await`, not by speed, and speed depends on the machine: these katas count
turns, they never time them.
"""

import asyncio
import time

from pytest_katas import __


async def blocking_worker(name, log):
    log.append(f"{name} start")
    time.sleep(0.001)
    log.append(f"{name} end")


async def yielding_worker(name, log):
    log.append(f"{name} start")
    await asyncio.sleep(0)
    log.append(f"{name} end")


async def threaded_worker(name, log):
    log.append(f"{name} start")
    await asyncio.to_thread(time.sleep, 0.001)
    log.append(f"{name} end")


def run_pair(worker):
    """Run worker("a", log) and worker("b", log) together on one event loop; return the log."""
    log = []

    async def main():
        await asyncio.gather(worker("a", log), worker("b", log))

    asyncio.run(main())
    return log


def test_time_sleep_in_a_coroutine_blocks_the_other_coroutine():
    assert run_pair(blocking_worker) == ["a start", "a end", "b start", "b end"]


def test_await_asyncio_sleep_zero_lets_the_other_coroutine_run():
    assert run_pair(yielding_worker) == ["a start", "b start", "a end", "b end"]


def test_to_thread_lets_both_blocking_calls_wait_at_once():
    log = run_pair(threaded_worker)
    assert log[:2] == ["a start", "b start"]
