"""A coroutine goes CORO_CREATED, then CORO_RUNNING / CORO_SUSPENDED by turns, then CORO_CLOSED.

`inspect.getcoroutinestate(coro)` names the state. A coroutine is RUNNING only while its own code
executes, so only code running inside it (or called from it) can see that state; it is SUSPENDED while it waits at an
`await`. The seed note calls the four states Pending, Running, Suspended and Completed: those are
not Python's names. "Pending" and "done" are words for Tasks and Futures (`task.done()`).
"""

import asyncio
import inspect

from pytest_katas import __


async def report_own_state(box):
    """Records the state of box["coro"], which is this very coroutine, then pauses once."""
    box["inside"] = inspect.getcoroutinestate(box["coro"])
    await asyncio.sleep(0)


def test_a_new_coroutine_is_created():
    coro = report_own_state({})
    state = inspect.getcoroutinestate(coro)
    coro.close()
    assert state == inspect.CORO_CREATED


def test_seen_from_inside_it_is_running():
    box = {}
    box["coro"] = report_own_state(box)
    asyncio.run(box["coro"])
    assert box["inside"] == inspect.CORO_RUNNING


def test_while_it_waits_at_an_await_it_is_suspended():
    async def main():
        box = {}
        box["coro"] = coro = report_own_state(box)
        task = asyncio.create_task(coro)
        await asyncio.sleep(0)  # the task runs up to its own `await asyncio.sleep(0)`
        state = inspect.getcoroutinestate(coro)
        await task
        return state

    assert asyncio.run(main()) == inspect.CORO_SUSPENDED


def test_after_it_returns_it_is_closed():
    box = {}
    box["coro"] = report_own_state(box)
    asyncio.run(box["coro"])
    assert inspect.getcoroutinestate(box["coro"]) == inspect.CORO_CLOSED
