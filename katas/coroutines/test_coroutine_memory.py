"""A coroutine costs hundreds of bytes; a thread gets a stack of its own, never less than 32 KiB.

It is often said that a coroutine takes kilobytes where a thread takes megabytes. Measured by size,
a coroutine is smaller still: one heap object holding one frame, the state it needs to resume,
hundreds of bytes in all. Since 3.11 the frame lives inside the coroutine object, so
`sys.getsizeof(coro)` counts it: one 8-byte slot (on a 64-bit build) for each local variable and
for each value its evaluation stack can hold at once; on 3.10 the frame was a separate object, `coro.cr_frame`, left out of the coroutine's size. A thread
runs on a C stack that the operating system reserves for it: `threading.stack_size()` returns 0,
which means "the platform default" (on Linux usually 8 MiB of address space, the limit that
`ulimit -s` shows, of which only the pages a thread touches become real memory), and no thread may
ask for less than 32 KiB. Ten thousand waiting coroutines fit in a few megabytes; ten thousand
threads would reserve tens of gigabytes of address space. Sizes are measured here, never times.
"""

import asyncio
import gc
import sys
import threading
import tracemalloc

import pytest

from pytest_katas import __


async def pause():
    await asyncio.sleep(0)


async def no_locals():
    return None


async def ten_locals():
    a = 0
    b = 0
    c = 0
    d = 0
    e = 0
    f = 0
    g = 0
    h = 0
    i = 0
    j = 0
    return None


def roughly(size):
    """Names the order of magnitude of a size in bytes."""
    for words, limit in [("tens of bytes", 100), ("hundreds of bytes", 1000), ("kilobytes", 10**6)]:
        if size < limit:
            return words
    return "megabytes or more"


def bytes_per_coroutine():
    """The memory tracemalloc sees taken by 10,000 new coroutine objects, divided by 10,000."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        coros = [pause() for _ in range(10_000)]
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    for coro in coros:
        coro.close()
    return (after - before) / len(coros)


def test_a_coroutine_takes_hundreds_of_bytes():
    assert roughly(bytes_per_coroutine()) == __


def test_since_3_11_the_frame_is_inside_the_coroutine():
    small, large = no_locals(), ten_locals()
    growth = sys.getsizeof(large) - sys.getsizeof(small)
    small.close()
    large.close()
    assert growth == (__ if sys.version_info >= (3, 11) else __)


def test_a_thread_stack_is_the_platform_default_and_never_less_than_32_kib():
    with pytest.raises(Exception) as info:
        threading.stack_size(16 * 1024)
    assert [threading.stack_size(), info.type] == __
