"""CPython closes a suspended generator as soon as its last reference goes: nothing hangs around.

The `middle` that the seed note's docstring describes loops `while True`: once `sales_sum` returns,
it starts a new one and stays suspended, so the final `m.send(None)` raises nothing. The note says
this dangling coroutine leaks until the program ends. In fact CPython frees an object as soon as its
last reference goes (reference counting): when `m` is rebound to the next `middle(key)`, or when
`main` returns, the old generator is reclaimed, and reclaiming a suspended generator closes it, as
`close()` would: `GeneratorExit` is thrown in at its `yield from`. (The program as the note finally
prints it, without `while True`, leaves nothing suspended at all.)
"""

import inspect

import pytest

from pytest_katas import __

final_result = {}
events = []


def sales_sum(pro_name):
    # The seed note's sales_sum, without its print.
    total = 0
    nums = []
    while True:
        x = yield
        if not x:
            break
        total += x
        nums.append(x)
    return total, nums


def middle(key):
    # The seed note's middle as printed: it returns once sales_sum has returned.
    final_result[key] = yield from sales_sum(key)


def middle_forever(key):
    # The middle that the note's docstring describes, with `while True`; it records how it ends.
    try:
        while True:
            final_result[key] = yield from sales_sum(key)
    except BaseException as exc:
        events.append(f"{key}: {type(exc).__name__}")
        raise


def main_forever(data_sets):
    # The seed note's main, driving middle_forever (no StopIteration to catch any more).
    for key, data_set in data_sets.items():
        m = middle_forever(key)
        m.send(None)
        for value in data_set:
            m.send(value)
        m.send(None)


def test_the_printed_middle_is_finished_after_the_end_signal():
    m = middle("x")
    m.send(None)
    m.send(5)
    with pytest.raises(StopIteration):
        m.send(None)
    assert inspect.getgeneratorstate(m) == __


def test_with_while_true_middle_stays_suspended_after_the_end_signal():
    m = middle_forever("x")
    m.send(None)
    m.send(5)
    m.send(None)
    state = inspect.getgeneratorstate(m)
    m.close()
    assert state == __


def test_rebinding_m_closes_the_previous_middle():
    events.clear()
    m = middle_forever("a")
    m.send(None)
    m.send(1)
    m.send(None)
    m = middle_forever("b")
    assert events == __


def test_returning_from_main_closes_the_last_middle_too():
    events.clear()
    main_forever({"a": [1, 2], "b": [3], "c": [4, 5]})
    assert events == __
