"""The loop runs `call_soon` callbacks first, in the order given, then timers by due time.

`loop.call_soon(f, *args)` puts a callback on the ready queue: it runs on the loop's next turn,
after the callbacks already there. `loop.call_later(delay, f, *args)` and `loop.call_at(when, f,
*args)` set a timer: `call_later` is `call_at(loop.time() + delay, …)`, on the loop's own monotonic
clock `loop.time()`. On each turn the loop moves the timers that are due, earliest first, to the
back of the ready queue, so a timer never runs before callbacks already scheduled with `call_soon`,
even with a delay of 0, and timers run by due time, whatever the order they were set in. Each call
returns a handle: `asyncio.Handle` for `call_soon`, `asyncio.TimerHandle` (a subclass, with
`when()`) for timers; `handle.cancel()` keeps the callback from ever running.
"""

import asyncio

from pytest_katas import __


def run(schedule):
    """Run schedule(loop, log) inside a running loop, wait 3 ms, and return the log."""

    async def main():
        loop = asyncio.get_running_loop()
        log = []
        schedule(loop, log)
        log.append("scheduled")
        await asyncio.sleep(0.003)
        return log

    return asyncio.run(main())


def test_call_soon_runs_later_in_the_order_given():
    def schedule(loop, log):
        loop.call_soon(log.append, "first call_soon")
        loop.call_soon(log.append, "second call_soon")

    assert run(schedule) == __


def test_timers_run_by_due_time_after_call_soon():
    def schedule(loop, log):
        now = loop.time()
        loop.call_later(0.002, log.append, "call_later 2 ms")
        loop.call_at(now + 0.001, log.append, "call_at now + 1 ms")
        loop.call_later(0, log.append, "call_later 0")
        loop.call_soon(log.append, "call_soon")

    assert run(schedule) == __


def test_the_handles_and_cancel():
    handles = []

    def schedule(loop, log):
        handles.append(loop.call_soon(log.append, "call_soon"))
        handles.append(loop.call_later(0.001, log.append, "call_later"))
        handles[0].cancel()

    log = run(schedule)
    kinds = [[cls.__name__ for cls in type(handle).__mro__] for handle in handles]
    assert (kinds, log) == __
