"""In the sales_sum / middle / main program, `yield from` relays main's sends, then gives the result.

`main` sends the numbers, then `None`: `sales_sum` records it, breaks out of its loop and returns
`(total, nums)`; `yield from` hands that tuple to `middle`, which stores it, records its line and
returns. A generator that returns raises `StopIteration` at whoever resumed it, so the final
`m.send(None)` raises `StopIteration`, which `main` catches: the normal end of a coroutine.
"""

import pytest

from pytest_katas import __

final_result = {}
events = []


def sales_sum(pro_name):
    total = 0
    nums = []
    while True:
        x = yield
        events.append(f"{pro_name} sales: {x}")
        if not x:
            break
        total += x
        nums.append(x)
    return total, nums


def middle(key):
    # yield from relays everything between main and sales_sum, then evaluates to its return value.
    final_result[key] = yield from sales_sum(key)
    events.append(f"{key} done")


def main(data_sets):
    for key, data_set in data_sets.items():
        events.append(f"start {key}")
        m = middle(key)
        m.send(None)  # prime middle: it runs into sales_sum, up to its first yield
        for value in data_set:
            m.send(value)  # each value goes through middle into sales_sum
        try:
            m.send(None)  # the end signal
        except StopIteration:
            pass  # middle has returned: the expected end


def test_sales_sum_returns_its_total_and_its_numbers():
    gen = sales_sum("demo")
    next(gen)
    gen.send(10)
    gen.send(20)
    with pytest.raises(StopIteration) as info:
        gen.send(None)
    assert info.value.value == __


def test_the_end_signal_reaches_sales_sum_then_ends_middle():
    events.clear()
    m = middle("mask")
    m.send(None)
    m.send(1200)
    with pytest.raises(Exception) as info:
        m.send(None)
    events.append(info.typename)
    assert events == __


def test_main_fills_final_result():
    final_result.clear()
    main({"mask": [1200, 1500, 3000], "phone": [28, 55, 98, 108], "coat": [280, 560, 778, 70]})
    assert final_result == __
