"""`sys.exc_info()` describes the exception being handled, and is `(None, None, None)` otherwise.

Inside an `except` block (and in any function called from it) `sys.exc_info()` returns the triple
`(type, value, traceback)` of the exception being handled: that is how a bare `except:` gets hold
of it. Outside one, and again once the block has ended, it returns three `None`s. Python 3.11 added
`sys.exception()`, which returns just the value (or `None`); on 3.10 take `sys.exc_info()[1]`. In
an `except E as err:` block both give the same object as `err`.
"""

import sys
import types

from pytest_katas import __


def test_exc_info_outside_an_except_block():
    assert sys.exc_info() == (None, None, None)


def test_inside_an_except_block_exc_info_describes_the_exception():
    try:
        1 / 0
    except ZeroDivisionError:
        exc_type, exc_value, exc_traceback = sys.exc_info()
    assert isinstance(exc_value, exc_type)
    assert exc_type is ZeroDivisionError
    assert type(exc_traceback) is types.TracebackType


def test_a_function_called_from_an_except_block_sees_the_exception():
    def error_being_handled():
        return sys.exc_info()[0]

    try:
        {}["missing"]
    except KeyError:
        seen = error_being_handled()
    assert seen is KeyError


def test_exc_info_once_the_except_block_has_ended():
    try:
        int("ten")
    except ValueError:
        pass
    assert sys.exc_info() == (None, None, None)


def test_sys_exception_returns_just_the_exception_being_handled():
    try:
        [][0]
    except IndexError as err:
        if sys.version_info >= (3, 11):
            handled = sys.exception()
        else:  # sys.exception() does not exist before 3.11
            handled = sys.exc_info()[1]
        assert handled is err
