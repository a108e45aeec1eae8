"""`asyncio.TaskGroup` (3.11+) cancels the other tasks when one fails; `gather` cancels nothing.

Leaving `async with asyncio.TaskGroup() as tg:` waits for every task made with `tg.create_task`.
If one of them fails, the group cancels the others, waits for them to finish, and only then raises
an `ExceptionGroup` holding the errors, even when there is only one (3.11 added `TaskGroup` and
`ExceptionGroup` together, with `except*` to handle them). Python 3.10 has no `TaskGroup`: there
one uses `gather`, which raises the first error itself, at once, and leaves the other tasks running.
"""

import asyncio
import sys

from pytest_katas import __


async def wait_for_ever(events):
    try:
        await asyncio.get_running_loop().create_future()  # a future nobody resolves
    except asyncio.CancelledError:
        events.append("wait_for_ever cancelled")
        raise


async def fail(events):
    await asyncio.sleep(0)
    events.append("fail raises")
    raise ValueError("boom")


async def run_pair(events):
    """Runs wait_for_ever and fail together: in a TaskGroup where there is one, else with gather.

    Returns the error that came out.
    """
    try:
        if hasattr(asyncio, "TaskGroup"):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(wait_for_ever(events))
                tg.create_task(fail(events))
        else:
            await asyncio.gather(wait_for_ever(events), fail(events))
    except Exception as err:
        events.append("the error reaches the caller")
        return err


def test_the_error_that_comes_out():
    err = asyncio.run(run_pair([]))
    inside = [type(e).__name__ for e in getattr(err, "exceptions", [])]  # a group lists its errors
    assert [type(err).__name__, inside] == (__ if sys.version_info >= (3, 11) else __)


def test_what_the_other_task_went_through_by_then():
    async def main():
        events = []
        await run_pair(events)
        return list(events)  # a copy, taken before asyncio.run cancels what is left over

    assert asyncio.run(main()) == (__ if sys.version_info >= (3, 11) else __)
