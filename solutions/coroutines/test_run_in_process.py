"""CPU-bound work belongs in another process: `await loop.run_in_executor(pool, f, *args)`.

A coroutine that computes holds the loop until it is done, and a thread does not help: in the
standard build, with its GIL, only one thread at a time runs Python code. A process does: it has
its own interpreter, its own GIL and its own memory. With a `concurrent.futures.ProcessPoolExecutor` as the pool,
`loop.run_in_executor(pool, f, *args)` submits `f(*args)` to it, which hands back a
`concurrent.futures.Future`, and wraps that in an `asyncio.Future` (as `asyncio.wrap_future` does)
so the coroutine can await it; the concurrent future on its own cannot be awaited. `f` and its
arguments reach the worker process by pickle, and pickle sends a function by its module and name:
`f` must be a module-level function, while a lambda or a function defined inside another cannot
travel. The worker runs `f` in its own memory: what it changes there the parent never sees, and
the worker lives on from one call to the next.
"""

import asyncio
import concurrent.futures
import contextlib
import math
import warnings

import pytest

from pytest_katas import __

CALLS = []


def sum_of_squares(n):
    """CPU-bound work (tiny here, so that the step stays fast)."""
    return sum(i * i for i in range(n))


def record_call(name):
    CALLS.append(name)
    return len(CALLS)


@contextlib.contextmanager
def one_worker_pool():
    """A process pool whose one worker process is started at once.

    From 3.12 Python warns when a process that runs other threads forks (the kata runner keeps a
    watchdog thread), so the worker is forked here, with that warning silenced.
    """
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            pool.submit(int).result()  # the pool forks its worker at the first submit
        yield pool


def test_awaiting_run_in_executor_gives_the_result():
    async def main():
        loop = asyncio.get_running_loop()
        with one_worker_pool() as pool:
            return await loop.run_in_executor(pool, sum_of_squares, 4)

    assert asyncio.run(main()) == 14


def test_the_pools_own_future_must_be_wrapped_to_be_awaited():
    async def main():
        with one_worker_pool() as pool:
            concurrent_future = pool.submit(sum_of_squares, 4)
            with pytest.raises(BaseException) as caught:
                await concurrent_future
            return [caught.type, await asyncio.wrap_future(concurrent_future)]

    assert asyncio.run(main()) == [TypeError, 14]


def test_which_functions_can_travel_to_the_worker():
    def square_inside(n):
        return n * n

    candidates = {
        "sum_of_squares": sum_of_squares,
        "math.isqrt": math.isqrt,
        "a lambda": lambda n: n * n,
        "a def inside the step": square_inside,
    }

    async def main():
        loop = asyncio.get_running_loop()
        travelled = []
        with one_worker_pool() as pool:
            for name, function in candidates.items():
                try:
                    await loop.run_in_executor(pool, function, 4)
                except Exception:
                    continue
                travelled.append(name)
        return travelled

    assert asyncio.run(main()) == ["sum_of_squares", "math.isqrt"]


def test_the_worker_has_memory_of_its_own():
    async def main():
        loop = asyncio.get_running_loop()
        with one_worker_pool() as pool:
            counts = [await loop.run_in_executor(pool, record_call, name) for name in "ab"]
        return [counts, CALLS]

    assert asyncio.run(main()) == [[1, 2], []]
