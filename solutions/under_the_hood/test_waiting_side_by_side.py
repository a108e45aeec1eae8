"""Waits overlap in coroutines only when they are awaited, and in threads whenever a call blocks.

Coroutines share one thread and take turns only where one suspends at an `await`: coroutines
awaiting `asyncio.sleep` wait side by side, but a `time.sleep` in one holds the thread, so no other
coroutine runs until it returns. A thread blocked in a call (I/O, a lock, `time.sleep`) releases the
GIL, so threads wait side by side whatever they call. It is often said that a coroutine switch costs
mere nanoseconds; in fact a switch through asyncio's event loop costs microseconds, about as much as
a thread switch. Coroutines are cheap because they switch only where you await. Speeds differ
between machines, so these katas look at the order of events, never at timings.
"""

import asyncio
import threading
import time

from pytest_katas import __


async def awaits_its_wait(name, log):
    log.append(f"{name} start")
    await asyncio.sleep(0.001)
    log.append(f"{name} end")


async def blocks_in_its_wait(name, log):
    log.append(f"{name} start")
    time.sleep(0.001)
    log.append(f"{name} end")


def run_coroutines(*workers):
    """Run the workers, named "a", "b", "c" in turn, on one event loop; return the log."""
    log = []

    async def main():
        named = zip("abc", workers, strict=False)
        await asyncio.gather(*(worker(name, log) for name, worker in named))

    asyncio.run(main())
    return log


def test_coroutines_that_await_their_waits_wait_side_by_side():
    log = run_coroutines(awaits_its_wait, awaits_its_wait, awaits_its_wait)
    assert log == ["a start", "b start", "c start", "a end", "b end", "c end"]


def test_a_blocking_call_in_a_coroutine_holds_up_the_others():
    log = run_coroutines(awaits_its_wait, blocks_in_its_wait, awaits_its_wait)
    assert log == ["a start", "b start", "b end", "c start", "a end", "c end"]


def test_threads_blocked_in_a_call_wait_side_by_side():
    barrier = threading.Barrier(3, timeout=5)  # lets the threads on only once all three wait at it
    log = []

    def blocking():
        log.append("start")
        barrier.wait()
        log.append("end")

    threads = [threading.Thread(target=blocking) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert log == ["start", "start", "start", "end", "end", "end"]
