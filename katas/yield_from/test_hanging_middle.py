"""CPython closes a suspended generator as soon as its last reference goes: nothing hangs around.

Give `middle` a `while True` loop and, once `sales_sum` returns, it starts a new one and stays
suspended, so the final `m.send(None)` raises nothing. It is often said that such a dangling
coroutine leaks until the program ends. In fact CPython frees an object as soon as its last
reference goes (reference counting): when `m` is rebound to the next `middle_forever(key)`, or
when `main_forever` returns, the old generator is reclaimed, and reclaiming a suspended generator
closes it, as `close()` would: `GeneratorExit` is thrown in at its `yield from`. (The `middle`
without `while True`, as in the previous kata, returns at the end signal and leaves nothing
suspended at all.)
"""

import inspect

from pytest_katas import __

final_result = {}
events = []


def sales_sum(key):
    events.append(f"{key}: sales_sum starts")
    total = 0
    nums = []
    while True:
        x = yield
        if not x:
            break
        total += x
        nums.append(x)
    return total, nums


def middle_forever(key):
    # middle with `while True`; it records how it ends.
    try:
        while True:
            final_result[key] = yield from sales_sum(key)
    except BaseException as exc:
        events.append(f"{key}: middle_forever got {type(exc).__name__}")
        raise


def main_forever(data_sets):
    # main driving middle_forever: no StopIteration to catch any more.
    for key, data_set in data_sets.items():
        m = middle_forever(key)
        m.send(None)
        for value in data_set:
            m.send(value)
        m.send(None)


def test_with_while_true_middle_starts_over_and_stays_suspended():
    events.clear()
    m = middle_forever("x")
    m.send(None)
    m.send(5)
    m.send(None)
    events.append(inspect.getgeneratorstate(m))
    assert events == __


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
    main_forever({"a": [1, 2], "b": [3]})
    closings = [event for event in events if "middle_forever" in event]
    assert closings == __
