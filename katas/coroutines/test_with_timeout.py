"""Build: `with_timeout(aw, seconds, default)` returns the result of `aw`, or `default` if too slow.

Build it on `asyncio.wait_for`, which cancels the slow work for you. Catch `asyncio.TimeoutError`:
that name is right on every version (on 3.10 the builtin `TimeoutError` would miss it). Let every
other error through.
"""

import asyncio

import pytest

from pytest_katas import __


async def quick():
    await asyncio.sleep(0)
    return "done"


async def wait_for_ever(events):
    try:
        await asyncio.get_running_loop().create_future()  # a future nobody resolves
    except asyncio.CancelledError:
        events.append("cancelled")
        raise


async def broken():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def with_timeout(aw, seconds, default):
    """Return the result of awaiting aw, or default if that takes longer than `seconds`."""
    __


def test_a_quick_result_comes_back():
    assert asyncio.run(with_timeout(quick(), 1, "too late")) == "done"


def test_a_slow_one_gives_the_default():
    assert asyncio.run(with_timeout(wait_for_ever([]), 0.001, "too late")) == "too late"


def test_the_slow_work_is_cancelled():
    events = []

    async def main():
        await with_timeout(wait_for_ever(events), 0.001, None)
        return events  # read before asyncio.run cancels whatever is left over

    assert asyncio.run(main()) == ["cancelled"]


def test_other_errors_pass_through():
    with pytest.raises(ValueError):
        asyncio.run(with_timeout(broken(), 1, "too late"))
