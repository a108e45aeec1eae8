"""Calling an `async def` function runs none of its body: it only returns a coroutine object.

The body runs when something drives that object: an `await` inside another coroutine, or
`asyncio.run(...)` at the top of the program. `inspect.iscoroutinefunction` asks about the function,
`inspect.iscoroutine` about the object a call returns. It is often said that every coroutine is
compiled to a generator object. In fact a native coroutine has a type of its own, `coroutine`: it
shares the generator's `send`, `throw` and `close`, but it is not a generator. It has no
`__next__` (so `next(coro)` is a `TypeError`); it has `__await__` instead, which is what `await`
uses.
"""

import asyncio
import inspect

from pytest_katas import __


async def greet(events):
    events.append("body ran")
    return "hello"


def test_calling_it_runs_none_of_the_body():
    events = []
    coro = greet(events)
    coro.close()  # we never run it; closing it says so (and keeps Python from warning)
    assert [type(coro).__name__, events] == __


def test_which_are_coroutine_functions():
    candidates = {"greet": greet, "asyncio.run": asyncio.run, "asyncio.sleep": asyncio.sleep}
    chosen = [name for name, thing in candidates.items() if inspect.iscoroutinefunction(thing)]
    assert chosen == __


def test_which_are_coroutines():
    candidates = {"greet": greet, "greet([])": greet([]), "asyncio.sleep(0)": asyncio.sleep(0)}
    chosen = [name for name, thing in candidates.items() if inspect.iscoroutine(thing)]
    candidates["greet([])"].close()
    candidates["asyncio.sleep(0)"].close()
    assert chosen == __


def test_a_coroutine_is_not_a_generator():
    coro = greet([])
    coro.close()
    methods = ["send", "throw", "close", "__next__", "__await__"]
    assert [name for name in methods if hasattr(coro, name)] == __


def test_asyncio_run_drives_the_body_to_its_end():
    events = []
    result = asyncio.run(greet(events))
    assert [result, events] == __
