"""A coroutine object that is never awaited does no work, and Python warns when it is thrown away.

Forgetting `await` is an easy bug: `save(records)` without `await` creates a coroutine and drops
it, so the body never runs. When a coroutine that never started is destroyed, CPython emits a
`RuntimeWarning` that names it (`coroutine 'save' was never awaited`). The warning comes when the
object is destroyed, not when it is created: in CPython that is as soon as its last reference goes
(an object caught in a reference cycle waits for `gc.collect()`). A coroutine that ran, or that
was closed on purpose with `coro.close()` ("I do not mean to run this"), gives no warning.
"""

import asyncio
import gc
import warnings

from pytest_katas import __


async def save(records):
    records.append("saved")


def warnings_from(handle):
    """Makes a save() coroutine, hands it to handle(), drops it; returns the warning categories."""
    gc.collect()  # first clear away garbage that earlier steps left behind
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        coro = save([])
        handle(coro)
        del coro  # the last reference: CPython destroys the coroutine right here
    return [w.category for w in caught]


def test_the_warning_comes_when_the_last_reference_goes():
    gc.collect()
    counts = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        coro = save([])
        counts.append(len(caught))
        alias = coro
        del coro
        counts.append(len(caught))
        del alias
        counts.append(len(caught))
    assert counts == __


def test_a_forgotten_await_skips_the_work():
    records = []

    async def main():
        save(records)  # the bug: no `await`

    gc.collect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        asyncio.run(main())
    assert [records, [w.category for w in caught]] == __


def test_a_dropped_coroutine_warns_one_that_ran_or_was_closed_does_not():
    def do_nothing(coro):
        pass

    def close_it(coro):
        coro.close()

    dropped, closed, ran = [warnings_from(handle) for handle in (do_nothing, close_it, asyncio.run)]
    assert [dropped, closed, ran] == __
