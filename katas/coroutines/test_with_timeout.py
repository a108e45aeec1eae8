"""Build: `with_timeout(aw, seconds, default)` returns the result of `aw`, or `default` if too slow.

Build it on `asyncio.wait_for`, which cancels the slow work and waits until it has finished
cancelling. Catch `asyncio.TimeoutError`: that name is right on every version (on 3.10 the builtin
`TimeoutError` would miss it). Let every other error through, `CancelledError` above all: when the
task running `with_timeout` is itself cancelled, that is not a timeout, and the cancel must go on.
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


def test_the_slow_work_has_been_cancelled_when_it_returns():
    async def main():
        events = []
        await with_timeout(wait_for_ever(events), 0.001, None)
        return list(events)  # a copy, taken before asyncio.run cancels what is left over

    assert asyncio.run(main()) == ["cancelled"]


def test_other_errors_pass_through():
    with pytest.raises(ValueError):
        asyncio.run(with_timeout(broken(), 1, "too late"))


def test_cancelling_the_caller_cancels_it_and_the_work():
    async def main():
        events = []
        task = asyncio.create_task(with_timeout(wait_for_ever(events), 1, "too late"))
        await asyncio.sleep(0)  # with_timeout starts and waits
        task.cancel()
        results = await asyncio.gather(task, return_exceptions=True)
        return [type(results[0]).__name__, events]

    assert asyncio.run(main()) == ["CancelledError", ["cancelled"]]
