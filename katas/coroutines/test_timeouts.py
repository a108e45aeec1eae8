"""`asyncio.wait_for` cancels the awaited work when time runs out, then raises a timeout error.

Which timeout error depends on the version. On 3.10 `asyncio.TimeoutError` is a class of its own,
not the builtin `TimeoutError`, so `except TimeoutError` misses it there; from 3.11 it is an alias
of the builtin. `except asyncio.TimeoutError` works on every version. 3.11 also added
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
        events.append("cancelled")
        raise


def test_wait_for_gives_up_with_a_timeout_error():
    with pytest.raises(BaseException) as caught:
        asyncio.run(asyncio.wait_for(wait_for_ever([]), timeout=0.001))
    assert caught.type is __


def test_the_work_that_ran_out_of_time_is_cancelled():
    events = []

    async def main():
        try:
            await asyncio.wait_for(wait_for_ever(events), timeout=0.001)
        except asyncio.TimeoutError:
            pass
        return events

    assert asyncio.run(main()) == __


def test_asyncio_timeout_error_is_the_builtin_from_3_11():
    is_builtin = asyncio.TimeoutError is TimeoutError
    assert is_builtin == (__ if sys.version_info >= (3, 11) else __)


def test_asyncio_timeout_exists_from_3_11():
    assert hasattr(asyncio, "timeout") == (__ if sys.version_info >= (3, 11) else __)
