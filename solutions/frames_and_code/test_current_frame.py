"""`inspect.currentframe()` is the frame running right now, and its `f_back` is the caller's frame.

Every call runs in a frame: it records which code is running (`f_code`), the local variables
(`f_locals`) and the frame that made the call (`f_back`), and so on back up to the module's frame,
whose code is named `'<module>'`. `f_code.co_name` is the bare name from the `def` statement,
without the class or the enclosing function (3.11 added `co_qualname` for that).
"""

import inspect

from pytest_katas import __


class Shop:
    def checkout(self):
        return inspect.currentframe().f_code.co_name


def who_called_me():
    return inspect.currentframe().f_back.f_code.co_name


def two_frames_back():
    return inspect.currentframe().f_back.f_back.f_code.co_name


def place_order():
    return who_called_me()


def start_checkout():
    return two_frames_back()


def test_the_current_frame_runs_the_current_function():
    assert Shop().checkout() == "checkout"


def test_f_back_is_the_frame_of_the_caller():
    assert place_order() == "place_order"


def test_f_back_twice_is_the_caller_of_the_caller():
    assert start_checkout() == "test_f_back_twice_is_the_caller_of_the_caller"


def test_the_name_of_the_frame_of_module_level_code():
    namespace = {}
    exec("import inspect\nname = inspect.currentframe().f_code.co_name\n", namespace)
    assert namespace["name"] == "<module>"
