"""A native coroutine is not a generator: it has send, throw and close, but it cannot be iterated.

It is often said that every coroutine is compiled to a generator object. In fact `async def` makes a
coroutine object of its own type, which does not inherit from the generator type, and `next(coro)`
raises TypeError, so a coroutine cannot be iterated by a `for` loop by mistake. Underneath it is
built on the same machinery: a suspended frame that `send`, `throw` and `close` resume.
"""

import inspect

import pytest

from pytest_katas import __


class Pause:
    def __await__(self):
        yield "paused"


async def task():
    try:
        await Pause()
    except ValueError:
        return "task handled ValueError"
    return "task done"


def started_task():
    coro = task()
    coro.send(None)
    return coro


def test_a_coroutine_is_not_a_generator():
    coro = started_task()
    assert [cls.__name__ for cls in type(coro).__mro__] == ["coroutine", "object"]


def test_next_does_not_work_on_a_coroutine():
    coro = started_task()
    with pytest.raises(Exception) as info:
        next(coro)
    assert info.typename == "TypeError"


def test_throw_works_on_a_coroutine_as_on_a_generator():
    coro = started_task()
    with pytest.raises(StopIteration) as info:
        coro.throw(ValueError("stop"))
    assert info.value.value == "task handled ValueError"


def test_close_works_on_a_coroutine_as_on_a_generator():
    coro = started_task()
    coro.close()
    assert inspect.getcoroutinestate(coro) == "CORO_CLOSED"
