"""Build a tiny event loop: `run_all(*coros)` drives coroutines round-robin with `send(None)`.

A loop of this kind only has to call `coro.send(None)` over and over. When a coroutine suspends
(here at `await Yield()`), `send` returns what it yielded, and the loop puts the coroutine at the
back of the queue and moves on to the next one; when a coroutine finishes, `send` raises
`StopIteration`, whose `value` is the coroutine's return value. It is often said that asyncio's loop
does just this; in fact asyncio's Task looks at what was yielded and accepts only None (run me again
soon) or a Future (park me until it is done). `Yield` here yields the string "turn", which asyncio
would refuse: only a loop that calls `send` itself can run these coroutines.
"""

from collections import deque

from pytest_katas import __


class Yield:
    """Suspend the awaiting coroutine once: the loop resumes it on its next turn."""

    def __await__(self):
        yield "turn"


def run_all(*coros):
    """Run the coroutines round-robin until all have finished.

    Return their return values, in the order the coroutines were given.
    """
    results = [None] * len(coros)
    queue = deque(enumerate(coros))
    while queue:
        index, coro = queue.popleft()
        try:
            coro.send(None)
        except StopIteration as stop:
            results[index] = stop.value
        else:
            queue.append((index, coro))
    return results


def run(*coros):
    """Call run_all, then close any coroutine it left unfinished (so none warns "never awaited")."""
    try:
        return run_all(*coros)
    finally:
        for coro in coros:
            coro.close()


async def worker(name, steps, log):
    for i in range(steps):
        log.append(f"{name}{i}")
        await Yield()
    return f"{name} done"


async def idle(steps):
    """Takes `steps` turns and returns None, as a coroutine without a return statement does."""
    for _ in range(steps):
        await Yield()


async def shout(name, steps, log):
    result = await worker(name, steps, log)
    return result.upper()


def test_run_all_returns_the_return_values_in_argument_order():
    log = []
    assert run(worker("a", 3, log), idle(2), worker("b", 1, log)) == ["a done", None, "b done"]


def test_run_all_takes_turns_at_each_await():
    log = []
    run(worker("a", 2, log), worker("b", 3, log))
    assert log == ["a0", "b0", "a1", "b1", "b2"]


def test_a_coroutine_suspends_through_the_coroutines_it_awaits():
    log = []
    results = run(shout("s", 2, log), worker("w", 2, log))
    assert (log, results) == (["s0", "w0", "s1", "w1"], ["S DONE", "w done"])
