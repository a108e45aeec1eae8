"""A coroutine goes CORO_CREATED, then CORO_RUNNING and CORO_SUSPENDED by turns, then CORO_CLOSED.

`inspect.getcoroutinestate(coro)` names the state. A coroutine is RUNNING while its own code runs,
and it stays RUNNING while a coroutine it awaits runs: `await inner()` drives inner inside the
outer coroutine's turn, it suspends nothing by itself. The outer coroutine becomes SUSPENDED only
once the whole chain of awaits has handed control back to whoever drives it (the event loop),
because something at the bottom of the chain, such as `asyncio.sleep(0)` or a Future that is not
done yet, had to wait. It is often said that a coroutine's four states are Pending, Running,
Suspended and Completed, and that it is suspended as soon as it reaches an `await`: Python's names
are the four above, and "pending" and "done" are words for Tasks and Futures (`task.done()`).
"""

import asyncio
import inspect

from pytest_katas import __


async def inner(box):
    """Notes the states of box["outer"] and of itself while it runs, then waits once."""
    box["while inner runs"] = [
        inspect.getcoroutinestate(box["outer"]),
        inspect.getcoroutinestate(box["inner"]),
    ]
    await asyncio.sleep(0)


async def outer(box):
    box["inner"] = inner(box)
    await box["inner"]


def test_a_new_coroutine_is_created():
    coro = outer({})
    state = inspect.getcoroutinestate(coro)
    coro.close()
    assert state == __


def test_while_the_awaited_coroutine_runs_both_are_running():
    box = {}
    box["outer"] = outer(box)
    asyncio.run(box["outer"])
    assert box["while inner runs"] == __


def test_once_the_whole_chain_waits_both_are_suspended():
    async def main():
        box = {}
        box["outer"] = outer(box)
        task = asyncio.create_task(box["outer"])
        await asyncio.sleep(0)  # the task runs until inner waits at its asyncio.sleep(0)
        states = [inspect.getcoroutinestate(box["outer"]), inspect.getcoroutinestate(box["inner"])]
        await task
        return states

    assert asyncio.run(main()) == __


def test_after_they_return_both_are_closed():
    box = {}
    box["outer"] = outer(box)
    asyncio.run(box["outer"])
    assert [inspect.getcoroutinestate(box["outer"]), inspect.getcoroutinestate(box["inner"])] == __
