"""A coroutine that never awaits, or blocks in `time.sleep`, keeps every other task waiting.

Scheduling is cooperative: the loop cannot take control away from a running task, it only gets it
back when the task suspends at an `await`. CPU work without an `await` runs to its end in one go,
and `time.sleep` blocks the whole thread, loop included. `await asyncio.sleep(...)` suspends only
the task that calls it, so the others get their turns.
"""

import asyncio
import time

from pytest_katas import __


async def ticker(events):
    for i in range(3):
        events.append(f"tick {i}")
        await asyncio.sleep(0)


async def busy(events):
    events.append("busy start")
    sum(range(100_000))  # CPU work, no await
    events.append("busy end")


async def sleepy(events):
    events.append("sleepy start")
    time.sleep(0.001)  # blocks the thread, and so the loop
    events.append("sleepy end")


async def polite(events):
    events.append("polite start")
    await asyncio.sleep(0)
    events.append("polite end")


def run_beside_ticker(job):
    """Runs ticker and job as two tasks (ticker first); returns the events in order."""

    async def main():
        events = []
        await asyncio.gather(ticker(events), job(events))
        return events

    return asyncio.run(main())


def test_a_coroutine_without_await_runs_to_its_end_in_one_go():
    assert run_beside_ticker(busy) == ["tick 0", "busy start", "busy end", "tick 1", "tick 2"]


def test_time_sleep_blocks_the_loop_too():
    assert run_beside_ticker(sleepy) == [
        "tick 0",
        "sleepy start",
        "sleepy end",
        "tick 1",
        "tick 2",
    ]


def test_await_asyncio_sleep_lets_the_others_take_turns():
    assert run_beside_ticker(polite) == [
        "tick 0",
        "polite start",
        "tick 1",
        "polite end",
        "tick 2",
    ]
