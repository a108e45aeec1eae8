"""Run blocking work in a thread: `await asyncio.to_thread(f, *args)` keeps the loop free meanwhile.

A blocking call made directly in a coroutine stops the whole loop. Here the blocking function
waits on a `threading.Event` that only a coroutine sets: while the loop is blocked that coroutine
cannot run, so the wait runs out; when the function runs in another thread, the coroutine sets the
event at once. `loop.run_in_executor(None, f, *args)` is the older, lower-level form and hands
back an `asyncio.Future`. Threads suit blocking I/O; under the GIL they do not run Python code in
parallel, so CPU-bound work belongs in processes (the seed note's table has this backwards).
"""

import asyncio
import threading

from pytest_katas import __


def wait_for_signal(signal, timeout):
    """Blocks until signal is set or timeout seconds pass; returns whether it was set."""
    return signal.wait(timeout)


async def send_signal(signal):
    signal.set()


def in_main_thread():
    return threading.current_thread() is threading.main_thread()


def test_a_blocking_call_in_a_coroutine_keeps_other_tasks_out():
    async def main():
        signal = threading.Event()
        sender = asyncio.create_task(send_signal(signal))
        got_it = wait_for_signal(signal, 0.005)  # blocks the loop for 5 ms
        await sender
        return got_it

    assert asyncio.run(main()) == False


def test_to_thread_lets_the_loop_run_meanwhile():
    async def main():
        signal = threading.Event()
        got_it, _ = await asyncio.gather(
            asyncio.to_thread(wait_for_signal, signal, 5), send_signal(signal)
        )
        return got_it

    assert asyncio.run(main()) == True


def test_to_thread_runs_the_function_in_another_thread():
    assert asyncio.run(asyncio.to_thread(in_main_thread)) == False


def test_run_in_executor_hands_back_a_future():
    async def main():
        signal = threading.Event()
        future = asyncio.get_running_loop().run_in_executor(None, wait_for_signal, signal, 5)
        await send_signal(signal)
        return isinstance(future, asyncio.Future), await future

    assert asyncio.run(main()) == (True, True)
