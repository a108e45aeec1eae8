"""Calling an `async def` function runs none of its body: it only returns a coroutine object.

The body runs when something drives that object: an `await` inside another coroutine, or
`asyncio.run(...)` at the top of the program. `inspect.iscoroutinefunction` asks about the function,
`inspect.iscoroutine` about the object a call returns. The seed note says every coroutine is
compiled to a generator object; in fact a native coroutine has its own type, `coroutine`: it shares
the generator's `send`, `throw` and `close`, but it is not a generator.
"""

import asyncio
import inspect
import types

from pytest_katas import __


async def greet(events):
    events.append("body ran")
    return "hello"


def test_calling_it_runs_none_of_the_body():
    events = []
    coro = greet(events)
    coro.close()  # we never run it; closing it says so (and keeps Python from warning)
    assert events == []


def test_the_function_is_a_coroutine_function_not_a_coroutine():
    assert [inspect.iscoroutinefunction(greet), inspect.iscoroutine(greet)] == [True, False]


def test_the_call_returns_a_coroutine_not_a_coroutine_function():
    coro = greet([])
    coro.close()
    assert [inspect.iscoroutinefunction(coro), inspect.iscoroutine(coro)] == [False, True]


def test_a_coroutine_is_not_a_generator():
    coro = greet([])
    coro.close()
    assert isinstance(coro, types.GeneratorType) == False


def test_asyncio_run_drives_the_body_to_its_end():
    events = []
    asyncio.run(greet(events))
    assert events == ["body ran"]
