"""A cancelled task gets `CancelledError` at its `await`; `finally` runs, `except Exception` won't.

`CancelledError` has been a `BaseException` since Python 3.8 (like `KeyboardInterrupt`), so a broad
`except Exception` does not swallow a cancellation by accident. Put cleanup in `finally` (or catch
`CancelledError`, clean up and re-raise). A task that catches `CancelledError` and carries on has
defeated the cancel: it ends normally, with its return value, and does not count as cancelled. A
task cancelled before it ever ran never runs its body, not even its `finally`.
"""

import asyncio

from pytest_katas import __


async def worker(events):
    events.append("started")
    try:
        await asyncio.get_running_loop().create_future()  # waits for ever
    except Exception:
        events.append("except Exception")
    finally:
        events.append("cleanup")


def clauses_that_catch(error_class):
    """The except clauses, among a few, that would catch an error of this class."""
    clauses = {
        "except Exception": Exception,
        "except asyncio.CancelledError": asyncio.CancelledError,
        "except KeyboardInterrupt": KeyboardInterrupt,
        "except BaseException": BaseException,
    }
    return [clause for clause, caught in clauses.items() if issubclass(error_class, caught)]


async def stubborn(events):
    try:
        await asyncio.get_running_loop().create_future()  # waits for ever
    except asyncio.CancelledError:
        events.append("swallowed the cancel")
    return "finished anyway"


def test_which_except_clauses_catch_a_cancellation():
    assert clauses_that_catch(asyncio.CancelledError) == __


def test_cancel_runs_finally_but_not_except_exception():
    async def main():
        events = []
        task = asyncio.create_task(worker(events))
        await asyncio.sleep(0)  # the worker runs up to its await
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            events.append("main saw CancelledError")
        return events

    assert asyncio.run(main()) == __


def test_a_task_that_swallows_the_cancel_is_not_cancelled():
    async def main():
        events = []
        task = asyncio.create_task(stubborn(events))
        await asyncio.sleep(0)
        task.cancel()
        result = await task
        return [events, result, task.cancelled()]

    assert asyncio.run(main()) == __


def test_a_task_cancelled_before_it_starts_never_runs():
    async def main():
        events = []
        task = asyncio.create_task(worker(events))
        task.cancel()  # before any await: the task has not taken a step yet
        await asyncio.gather(task, return_exceptions=True)  # wait for it to finish
        return [events, task.cancelled()]

    assert asyncio.run(main()) == __
