"""`loop.add_reader` lets a coroutine truly wait on a file descriptor, via a Future it completes.

On each turn asyncio's loop asks its selector which registered file descriptors are ready (with a
timeout of 0 when callbacks are waiting, else until the next timer is due, or for as long as it
takes when there is none) and queues their callbacks with the ready ones. `loop.add_reader(fd,
callback, *args)` registers `fd` for reading; `loop.remove_reader(fd)` unregisters it and returns
whether a reader was registered. To make a coroutine wait for data, create a Future, let the reader
callback complete it, `await` the Future and then remove the reader: the task is parked meanwhile,
and other coroutines run. Remove the reader as soon as it has fired: readiness is a state, so while
the data is unread the loop calls the callback again on every turn, and a second `set_result` on a
done Future raises InvalidStateError.
"""

import asyncio
import socket

from pytest_katas import __


async def wait_readable(sock):
    """Suspend until sock has data to read, then stop watching it."""
    loop = asyncio.get_running_loop()
    readable = loop.create_future()
    loop.add_reader(sock.fileno(), readable.set_result, None)
    try:
        await readable
    finally:
        loop.remove_reader(sock.fileno())


async def forgetful_wait_readable(sock):
    """Suspend until sock has data to read, and never remove the reader."""
    loop = asyncio.get_running_loop()
    readable = loop.create_future()
    loop.add_reader(sock.fileno(), readable.set_result, None)
    await readable


def exchange(waiter):
    """A reader waits with waiter() while a writer takes three turns, then sends b"ping".

    Return the log, the type names of the errors the loop reported, and what a final
    remove_reader() returned."""

    async def main():
        loop = asyncio.get_running_loop()
        errors = []
        loop.set_exception_handler(
            lambda loop, context: errors.append(type(context["exception"]).__name__)
        )
        log = []
        left, right = socket.socketpair()
        with left, right:
            right.setblocking(False)

            async def reader():
                log.append("reader waits")
                await waiter(right)
                log.append(f"reader got {right.recv(100)!r}")

            async def writer():
                for turn in range(3):
                    await asyncio.sleep(0)
                    log.append(f"writer turn {turn}")
                left.send(b"ping")
                log.append("writer sent")

            await asyncio.gather(reader(), writer())
            for _ in range(3):
                await asyncio.sleep(0)  # a few more turns of the loop
            was_registered = loop.remove_reader(right.fileno())
        return log, errors, was_registered

    return asyncio.run(main())


def test_a_coroutine_waits_for_data_while_others_run():
    log, _, _ = exchange(wait_readable)
    assert log == [
        "reader waits",
        "writer turn 0",
        "writer turn 1",
        "writer turn 2",
        "writer sent",
        "reader got b'ping'",
    ]


def test_a_reader_left_registered_fires_again():
    _, careful_errors, careful_was_registered = exchange(wait_readable)
    _, forgetful_errors, forgetful_was_registered = exchange(forgetful_wait_readable)
    seen = {
        "careful": (careful_errors, careful_was_registered),
        "forgetful": (forgetful_errors, forgetful_was_registered),
    }
    assert seen == {"careful": ([], False), "forgetful": (["InvalidStateError"], True)}
