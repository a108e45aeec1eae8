"""Run blocking work in a thread: `await asyncio.to_thread(f, *args)` keeps the loop free meanwhile.

A blocking call made directly in a coroutine stops the whole loop. Here the blocking function
waits on a `threading.Event` that only a coroutine sets: while the loop is blocked that coroutine
cannot run, so the wait runs out first; when the function runs in another thread, the coroutine
sets the event at once. `to_thread` runs the function in the loop's default thread pool (it is
built on `loop.run_in_executor(None, …)`) and gives back its return value. Threads suit blocking
I/O; in the standard build, with its GIL, they do not run Python code in parallel. It is often
said that threads suit CPU-bound work: they do not, CPU-bound work belongs in processes (the next
kata).
"""

import asyncio
import threading

from pytest_katas import __


def wait_for_signal(signal, events, timeout):
    """Blocks until signal is set or timeout seconds pass, noting which came first."""
    events.append("saw the signal" if signal.wait(timeout) else "gave up waiting")


async def send_signal(signal, events):
    events.append("signal sent")
    signal.set()


def which_thread():
    return (
        "main thread" if threading.current_thread() is threading.main_thread() else "another thread"
    )


def test_a_blocking_call_in_a_coroutine_keeps_other_tasks_out():
    async def main():
        signal, events = threading.Event(), []
        sender = asyncio.create_task(send_signal(signal, events))
        wait_for_signal(signal, events, 0.005)  # blocks the loop for 5 ms
        await sender
        return events

    assert asyncio.run(main()) == ["gave up waiting", "signal sent"]


def test_to_thread_lets_the_loop_run_meanwhile():
    async def main():
        signal, events = threading.Event(), []
        await asyncio.gather(
            asyncio.to_thread(wait_for_signal, signal, events, 5), send_signal(signal, events)
        )
        return events

    assert asyncio.run(main()) == ["signal sent", "saw the signal"]


def test_where_the_function_runs():
    async def main():
        return [which_thread(), await asyncio.to_thread(which_thread)]

    assert asyncio.run(main()) == ["main thread", "another thread"]
