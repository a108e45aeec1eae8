"""Waits overlap in coroutines only when they are awaited, and in threads whenever a call blocks.

Coroutines share one thread and take turns only where one suspends at an `await`: two coroutines
awaiting `asyncio.sleep` wait side by side, but a `time.sleep` in one holds the thread, so the other
cannot even start. A thread blocked in a call (I/O, a lock, `time.sleep`) releases the GIL, so
threads wait side by side whatever they call. The seed note says a coroutine switch costs mere
nanoseconds; in fact a switch through asyncio's event loop costs about as much as the thread switch
it quotes. Coroutines are cheap because they switch only where you await. Speeds differ between
machines, so these katas look at the order of events, never at timings.
"""

import asyncio
import threading
import time

from pytest_katas import __


def run_two_coroutines(worker):
    """Run worker("a", log) and worker("b", log) on one event loop; return the start/end order."""
    log = []

    async def main():
        await asyncio.gather(worker("a", log), worker("b", log))

    asyncio.run(main())
    return [entry.split()[1] for entry in log]


def run_two_threads(worker):
    """Run worker("a", log) and worker("b", log) in two threads; return the start/end order."""
    log = []
    threads = [threading.Thread(target=worker, args=(name, log)) for name in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [entry.split()[1] for entry in log]


def test_coroutines_that_await_their_waits_wait_side_by_side():
    async def awaiting(name, log):
        log.append(f"{name} start")
        await asyncio.sleep(0.001)
        log.append(f"{name} end")

    assert run_two_coroutines(awaiting) == ["start", "start", "end", "end"]


def test_a_blocking_call_in_a_coroutine_holds_up_the_other():
    async def blocking(name, log):
        log.append(f"{name} start")
        time.sleep(0.001)
        log.append(f"{name} end")

    assert run_two_coroutines(blocking) == ["start", "end", "start", "end"]


def test_threads_blocked_in_a_call_wait_side_by_side():
    barrier = threading.Barrier(2, timeout=5)  # lets both threads on only once both are waiting

    def blocking(name, log):
        log.append(f"{name} start")
        barrier.wait()
        log.append(f"{name} end")

    assert run_two_threads(blocking) == ["start", "start", "end", "end"]
