"""`asyncio.wait_for` cancels the awaited work when time runs out, then raises a timeout error.

`wait_for` does not abandon the late work: it cancels it and waits for it to finish (its
`except CancelledError` and `finally` run) before the timeout error reaches you. Which timeout
error depends on the version. On 3.10 `asyncio.TimeoutError` is a class of its own, not the builtin
`TimeoutError`, so `except TimeoutError` misses it there; from 3.11 it is an alias of the builtin.
`except asyncio.TimeoutError` works on every version. 3.11 also added
`async with asyncio.timeout(seconds):`, which limits a whole block; on 3.10 use `wait_for`.
"""

import asyncio
import sys

import pytest

from pytest_katas import __


async def wait_for_ever(events):
    try:
        await asyncio.get_running_loop().create_future()  # a future nobody resolves
    except asyncio.CancelledError:
        events.append("work cancelled")
        raise


def clauses_that_catch(error_class):
    """The except clauses, among a few, that would catch an error of this class."""
    clauses = {
        "except TimeoutError": TimeoutError,
        "except asyncio.TimeoutError": asyncio.TimeoutError,
        "except asyncio.CancelledError": asyncio.CancelledError,
        "except Exception": Exception,
    }
    return [clause for clause, caught in clauses.items() if issubclass(error_class, caught)]


def test_the_late_work_is_cancelled_before_the_error_comes():
    async def main():
        events = []
        try:
            await asyncio.wait_for(wait_for_ever(events), timeout=0.001)
        except asyncio.TimeoutError:
            events.append("caller caught the timeout")
        return events

    assert asyncio.run(main()) == __


def test_which_except_clauses_catch_the_timeout_error():
    with pytest.raises(BaseException) as caught:
        asyncio.run(asyncio.wait_for(wait_for_ever([]), timeout=0.001))
    assert clauses_that_catch(caught.type) == (__ if sys.version_info >= (3, 11) else __)
