"""`asyncio.gather` runs awaitables concurrently and returns their results in argument order.

The results list follows the order of the arguments, not the order in which they finished. By
default the first exception propagates to whoever awaits `gather` (the other awaitables are not
cancelled); with `return_exceptions=True` each exception takes its place in the results list.
"""

import asyncio

import pytest

from pytest_katas import __


async def job(name, pauses, finished):
    for _ in range(pauses):
        await asyncio.sleep(0)
    finished.append(name)
    return name.upper()


async def broken():
    raise ValueError("boom")


def run_three(finished):
    async def main():
        return await asyncio.gather(
            job("slow", 3, finished), job("medium", 1, finished), job("fast", 0, finished)
        )

    return asyncio.run(main())


def test_results_come_in_argument_order():
    assert run_three([]) == ["SLOW", "MEDIUM", "FAST"]


def test_the_jobs_finished_in_another_order():
    finished = []
    run_three(finished)
    assert finished == ["fast", "medium", "slow"]


def test_the_first_exception_reaches_the_awaiter():
    async def main():
        return await asyncio.gather(job("a", 1, []), broken())

    with pytest.raises(BaseException) as caught:
        asyncio.run(main())
    assert caught.type is ValueError


def test_return_exceptions_puts_the_error_in_the_results():
    async def main():
        return await asyncio.gather(job("a", 1, []), broken(), return_exceptions=True)

    results = asyncio.run(main())
    assert [results[0], type(results[1])] == ["A", ValueError]
