"""Since 3.12 a list comprehension runs in its function's frame; a generator expression never does.

Up to 3.11 a comprehension was compiled into a hidden nested function (`<listcomp>`, `<dictcomp>`,
`<setcomp>`) whose code object sat in the enclosing function's `co_consts`, and each run called it
in a frame of its own. PEP 709 (3.12) inlines list, dict and set comprehensions into the enclosing
function: no extra code object, no extra frame. A generator expression still has its own code
object and frame, named `<genexpr>`, because it must be able to pause. Calling `next()` on a
generator expression runs it until it produces its first value, and returns that value.
"""

import inspect
import sys
import types

from pytest_katas import __


def names_in_a_list_comprehension():
    return [inspect.currentframe().f_code.co_name for _ in range(1)]


def name_in_a_generator_expression():
    return next(inspect.currentframe().f_code.co_name for _ in range(1))


def test_the_frame_inside_a_list_comprehension_depends_on_the_version():
    names = names_in_a_list_comprehension()
    assert names == (
        ["names_in_a_list_comprehension"] if sys.version_info >= (3, 12) else ["<listcomp>"]
    )


def test_the_frame_inside_a_generator_expression():
    assert name_in_a_generator_expression() == "<genexpr>"


def test_the_code_objects_in_co_consts():
    consts = names_in_a_list_comprehension.__code__.co_consts
    nested = [const.co_name for const in consts if isinstance(const, types.CodeType)]
    assert nested == ([] if sys.version_info >= (3, 12) else ["<listcomp>"])
