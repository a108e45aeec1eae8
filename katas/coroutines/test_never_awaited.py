"""A coroutine object that is never awaited does no work, and Python warns when it is thrown away.

Forgetting `await` is an easy bug: `save(records)` without `await` creates a coroutine and drops
it, so the body never runs. When such an object is destroyed without ever having started, CPython
emits `RuntimeWarning: coroutine '…' was never awaited`. That happens as soon as the last reference
goes (an object caught in a reference cycle waits for `gc.collect()`). Closing it on purpose with
`coro.close()` says "I do not mean to run this", and then there is no warning.
"""

import asyncio
import gc
import warnings

from pytest_katas import __


async def save(records):
    records.append("saved")


def test_a_dropped_coroutine_gives_a_warning():
    gc.collect()  # first clear away garbage that earlier tests left behind
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        coro = save([])
        del coro  # the last reference: CPython destroys the coroutine right here
    assert [w.category for w in caught] == [__]


def test_the_warning_names_the_coroutine():
    gc.collect()  # first clear away garbage that earlier tests left behind
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        coro = save([])
        del coro  # the last reference: CPython destroys the coroutine right here
    assert str(caught[0].message) == __


def test_a_forgotten_await_skips_the_work():
    records = []

    async def main():
        save(records)  # the bug: no `await`

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        asyncio.run(main())
    assert records == __


def test_closing_it_on_purpose_gives_no_warning():
    gc.collect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        coro = save([])
        coro.close()
        del coro
    assert len(caught) == __
