"""In the note's sales program, `yield from` relays main's sends, then gives sales_sum's result.

`main` sends the numbers, then `None`: `sales_sum` prints it, breaks out of its loop and returns
`(total, nums)`; `yield from` hands that tuple to `middle`, which stores it, prints its line and
returns. A generator that returns raises `StopIteration` at whoever resumed it, so the final
`m.send(None)` raises `StopIteration`, which `main` catches: the normal end of a coroutine.
"""

import pytest

from pytest_katas import __

# The seed note's program, as printed there (without the `while True` in `middle`).
final_result = {}


def sales_sum(pro_name):
    total = 0
    nums = []
    while True:
        x = yield
        print(pro_name + "销量: ", x)
        if not x:
            break
        total += x
        nums.append(x)
    return total, nums


def middle(key):
    # yield from relays everything between main and sales_sum, then evaluates to its return value.
    final_result[key] = yield from sales_sum(key)
    print(key + "销量统计完成！！.")


def main():
    data_sets = {
        "bobby牌面膜": [1200, 1500, 3000],
        "bobby牌手机": [28, 55, 98, 108],
        "bobby牌大衣": [280, 560, 778, 70],
    }
    for key, data_set in data_sets.items():
        print("start key:", key)
        m = middle(key)
        m.send(None)  # prime middle: it runs into sales_sum, up to its first yield
        for value in data_set:
            m.send(value)  # each value goes through middle into sales_sum
        try:
            m.send(None)  # the end signal
        except StopIteration:
            pass  # middle has returned: the expected end
    print("final_result:", final_result)


def test_sales_sum_returns_its_total_and_its_numbers():
    gen = sales_sum("demo")
    next(gen)
    gen.send(10)
    gen.send(20)
    with pytest.raises(StopIteration) as info:
        gen.send(None)
    assert info.value.value == __


def test_the_final_send_to_middle_raises():
    m = middle("demo")
    m.send(None)
    m.send(5)
    with pytest.raises(Exception) as info:
        m.send(None)
    assert info.typename == __


def test_the_end_signal_prints_two_lines(capsys):
    final_result.clear()
    main()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "start key: bobby牌面膜"
    assert lines[1] == "bobby牌面膜销量:  1200"
    assert lines[4:6] == __


def test_main_fills_final_result():
    final_result.clear()
    main()
    assert final_result == __
