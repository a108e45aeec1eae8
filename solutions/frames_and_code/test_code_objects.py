"""A function's compiled body is a code object, `__code__`: its names, its constants, its bytecode.

For a function such as `example` below, `co_name` is the name from the `def`, `co_varnames` the
names of its local variables (parameters first) and `co_consts` the constants its bytecode loads,
after the function's docstring (or None in its place, up to 3.13). `co_code` holds the raw
bytecode, which changes with every Python version, so read it only through `dis`. A frame runs a
code object: inside a call, `inspect.currentframe().f_code` is the function's `__code__`. The
function object keeps names of its own beside it: `__name__`, which you may assign, and
`__qualname__`, the dotted path of the `def` (a function defined inside another shows
`<locals>` in it).
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


def test_co_varnames_lists_the_local_variables():
    assert example.__code__.co_varnames == ("x", "y")


def test_co_varnames_of_a_function_with_parameters():
    code = scale.__code__
    assert code.co_varnames == ("value", "factor", "result")
    assert code.co_argcount == 2


def test_co_consts_holds_the_constants_the_bytecode_loads():
    assert example.__code__.co_consts == (None, 10, 20)


def test_the_names_after_a_rename():
    def original():
        return inspect.currentframe().f_code

    original.__name__ = "renamed"
    code = original()  # the code object the call's frame ran
    assert code is original.__code__
    names = [original.__name__, code.co_name, original.__qualname__]
    assert names == ["renamed", "original", "test_the_names_after_a_rename.<locals>.original"]
