"""`asyncio.TaskGroup` (3.11+) cancels the other tasks when one fails; on 3.10 use `asyncio.gather`.

Leaving `async with asyncio.TaskGroup() as tg:` waits for every task made with `tg.create_task`.
If one of them fails, the group cancels the others and raises an `ExceptionGroup` holding the
errors (3.11 added both, with `except*` to handle them). Python 3.10 has no `TaskGroup`: use
`gather`, which raises the first error itself and leaves the other tasks running.
"""

import asyncio
import sys

from pytest_katas import __


async def wait_for_ever():
    await asyncio.get_running_loop().create_future()  # a future nobody resolves


async def fail():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def run_pair():
    """Runs wait_for_ever() and fail() together: in a TaskGroup where there is one, else gather.

    Returns the name of the error that came out, and whether wait_for_ever's task was cancelled.
    """
    try:
        if hasattr(asyncio, "TaskGroup"):
            async with asyncio.TaskGroup() as tg:
                forever = tg.create_task(wait_for_ever())
                tg.create_task(fail())
        else:
            forever = asyncio.create_task(wait_for_ever())
            await asyncio.gather(forever, fail())
    except Exception as err:
        return type(err).__name__, forever.cancelled()


def test_taskgroup_exists_from_python_3_11():
    assert hasattr(asyncio, "TaskGroup") == (__ if sys.version_info >= (3, 11) else __)


def test_the_error_that_comes_out():
    error_name, _ = asyncio.run(run_pair())
    assert error_name == (__ if sys.version_info >= (3, 11) else __)


def test_whether_the_other_task_was_cancelled():
    _, cancelled = asyncio.run(run_pair())
    assert cancelled == (__ if sys.version_info >= (3, 11) else __)
