"""A function's compiled body is a code object, `__code__`: its names, its constants, its bytecode.

For a function such as `example` below, `co_name` is the name from the `def`, `co_varnames` the
names of its local variables (parameters first) and `co_consts` the constants its bytecode loads,
after the function's docstring (or None in its place, up to 3.13). `co_code` holds the raw
bytecode, which changes with every Python version, so read it only through `dis`. A frame runs a
code object: inside a call, `inspect.currentframe().f_code` is the function's `__code__`.
"""

import inspect

from pytest_katas import __


def example():
    x = 10
    y = 20
    return x + y


def scale(value, factor):
    result = value * factor
    return result


def running_code():
    return inspect.currentframe().f_code


def test_co_varnames_lists_the_local_variables():
    assert example.__code__.co_varnames == __


def test_parameters_come_first_in_co_varnames():
    code = scale.__code__
    assert code.co_varnames == __
    assert code.co_argcount == __


def test_co_consts_holds_the_constants_the_bytecode_loads():
    assert example.__code__.co_consts == __


def test_co_name_after_the_function_is_renamed():
    def original():
        pass

    original.__name__ = "renamed"
    assert original.__code__.co_name == __


def test_a_frame_runs_the_functions_code_object():
    assert running_code() is __
