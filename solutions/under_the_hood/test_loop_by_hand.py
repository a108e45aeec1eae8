"""`asyncio.run(coro)` is the loop's own API in a box: make a loop, run it, clean up, close it.

Before `asyncio.run` (3.7) a program wrote the boilerplate itself: it made a loop with
`asyncio.new_event_loop()`, made it the current loop with `asyncio.set_event_loop(loop)` (so that
code calling `asyncio.get_event_loop()` finds it), then `loop.run_until_complete(main())`, which
wraps the coroutine in a Task, runs the loop until that task is done and returns its result, and
finally `loop.close()`. `run_until_complete` stops as soon as its own task is done: any other task
is left pending. `asyncio.run` does all of that and the cleanup people forgot: it cancels the
leftover tasks and lets them finish, shuts down async generators and the default executor, then
unsets and closes the loop. A closed loop refuses to run (RuntimeError). `asyncio.get_event_loop()`
with no loop set varies by version: 3.10 and 3.11 quietly make one, 3.12 and 3.13 make one with a
DeprecationWarning, and every version raises RuntimeError once an `asyncio.run` has finished. Inside
a coroutine use `asyncio.get_running_loop()`.
"""

import asyncio

import pytest

from pytest_katas import __


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def background(log):
    log.append("background started")
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        log.append("background cancelled")
        raise


async def main(log, tasks):
    tasks.append(asyncio.get_running_loop().create_task(background(log)))
    await asyncio.sleep(0)
    log.append("main returns")
    return "main's result"


def test_run_until_complete_returns_the_result_on_the_loop_that_was_set():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        current = asyncio.get_event_loop()
        result = loop.run_until_complete(add(2, 3))
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    assert (current, result) == (loop, 5)


def test_run_until_complete_leaves_other_tasks_pending():
    log, tasks = [], []
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(main(log, tasks))
        left_pending = [task.done() for task in tasks]
        seen = (result, list(log), left_pending)
    finally:  # the cleanup asyncio.run would do: cancel the leftovers and let them finish
        for task in tasks:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        loop.close()
    assert seen == ("main's result", ["background started", "main returns"], [False])


def test_asyncio_run_cancels_the_leftover_tasks_and_its_closed_loop_refuses_to_run():
    log, tasks = [], []
    result = asyncio.run(main(log, tasks))
    loop = tasks[0].get_loop()  # the loop asyncio.run made, and closed
    coro = add(1, 2)
    try:
        with pytest.raises(Exception) as info:
            loop.run_until_complete(coro)
    finally:
        coro.close()  # it never ran: close it so it does not warn "never awaited"
    assert (result, log, info.type) == (
        "main's result",
        ["background started", "main returns", "background cancelled"],
        RuntimeError,
    )
