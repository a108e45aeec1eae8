"""Build: `run_all(*coros)` runs coroutines as tasks; the first to fail cancels the others.

It re-raises that first error once the others have finished cancelling, and when every one
succeeds it returns their results in argument order. It is often said that `asyncio.gather` does
this: it does not. By default gather passes the first error on at once and cancels nothing: the
other awaitables keep running. Since 3.11 `asyncio.TaskGroup` does it, but wraps the errors in an
`ExceptionGroup`; on 3.10 you build it yourself. `task.cancel()` only asks: the `CancelledError`
reaches the task at its next turn, so await the cancelled tasks before you raise, or their
`finally` has not run yet. The same goes when `run_all` itself is cancelled: its tasks are cancelled
too, and have finished when the `CancelledError` comes out.
"""

import asyncio

import pytest

from pytest_katas import __


async def job(name, pauses, events):
    """Pauses `pauses` times and returns name; logs whether it finished, and its cleanup.

    The cleanup takes a turn of the loop of its own before it is logged."""
    try:
        for _ in range(pauses):
            await asyncio.sleep(0)
        events.append(f"{name} finished")
        return name
    finally:
        await asyncio.sleep(0)
        events.append(f"{name} cleanup")


async def fail(error, pauses, events):
    """Pauses `pauses` times, then raises error."""
    for _ in range(pauses):
        await asyncio.sleep(0)
    events.append(f"{type(error).__name__} raised")
    raise error


async def run_all(*coros):
    """Run coros concurrently as tasks; on the first failure cancel the rest, wait, and re-raise.

    With no failure, return their results in a list, in argument order.
    """
    __


def test_results_come_back_in_argument_order():
    jobs = [job("a", 4, []), job("b", 0, []), job("c", 2, [])]  # b finishes first, a last
    assert asyncio.run(run_all(*jobs)) == ["a", "b", "c"]


def test_the_first_failure_comes_out_as_it_was_raised():
    late, soon = fail(ValueError("late"), 10, []), fail(KeyError("soon"), 1, [])
    with pytest.raises(KeyError) as caught:
        asyncio.run(run_all(late, soon, job("a", 10, [])))
    assert caught.value.args == ("soon",)


def test_the_others_have_finished_cancelling_when_it_raises():
    async def main():
        events = []
        with pytest.raises(ValueError):
            await run_all(
                job("a", 20, events), fail(ValueError("boom"), 1, events), job("c", 20, events)
            )
        return list(events)  # a copy, taken the moment run_all has raised

    # sorted, since the others may be cancelled in any order
    assert sorted(asyncio.run(main())) == ["ValueError raised", "a cleanup", "c cleanup"]


def test_a_slower_sibling_never_finishes():
    async def main():
        events = []
        with pytest.raises(ValueError):
            await run_all(job("slow", 10, events), fail(ValueError("boom"), 1, events))
        for _ in range(20):
            await asyncio.sleep(0)  # time enough for slow to finish, had it been left running
        return list(events)  # a copy, taken before asyncio.run cancels what is left over

    assert asyncio.run(main()) == ["ValueError raised", "slow cleanup"]


def test_no_coroutines_give_an_empty_list():
    assert asyncio.run(run_all()) == []


def test_cancelling_run_all_cancels_every_job_and_waits_for_it():
    async def main():
        events = []
        runner = asyncio.create_task(run_all(job("a", 20, events), job("b", 20, events)))
        for _ in range(3):
            await asyncio.sleep(0)  # run_all has made its tasks, and each has started
        runner.cancel()
        with pytest.raises(asyncio.CancelledError):
            await runner
        return list(events)  # a copy, taken the moment the cancelled run_all has finished

    assert sorted(asyncio.run(main())) == ["a cleanup", "b cleanup"]
