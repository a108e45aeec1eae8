"""`sys.exc_info()` describes the exception being handled, and is `(None, None, None)` otherwise.

Inside an `except` block (and in any function called from it) `sys.exc_info()` returns the triple
`(type, value, traceback)` of the exception being handled: that is how a bare `except:` gets hold
of it. Outside one, and again once the block has ended, it returns three `None`s. Python 3.11 added
`sys.exception()`, which returns just the value (or `None`); on 3.10 take `sys.exc_info()[1]`. In
an `except E as err:` block both give the same object as `err`.
"""

import sys

from pytest_katas import __


def current_exception():
    """The exception being handled: `sys.exception()` from 3.11, `sys.exc_info()[1]` before."""
    if sys.version_info >= (3, 11):
        return sys.exception()
    return sys.exc_info()[1]  # sys.exception() does not exist before 3.11


def test_the_type_before_inside_in_a_callee_and_after():
    def error_being_handled():
        return sys.exc_info()[0]

    seen = [sys.exc_info()[0]]
    try:
        {}["missing"]
    except KeyError:
        seen.append(sys.exc_info()[0])
        seen.append(error_being_handled())
    seen.append(sys.exc_info()[0])
    assert seen == __


def test_the_triple_inside_an_except_block():
    try:
        1 / 0
    except ZeroDivisionError:
        triple = sys.exc_info()
    assert [type(part).__name__ for part in triple] == __


def test_sys_exception_before_inside_and_after():
    seen = [current_exception()]
    try:
        raise LookupError("no page 3")
    except LookupError as err:
        assert current_exception() is err
        seen.append(current_exception())
    seen.append(current_exception())
    assert [repr(value) for value in seen] == __
