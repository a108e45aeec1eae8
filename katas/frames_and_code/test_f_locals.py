"""`frame.f_locals` shows a frame's local variables; writing to it changes them only from 3.13.

Reading works the same on every version, including a caller's locals through `f_back`: that is how
debuggers show your variables. Writing differs. Up to 3.12, `f_locals` of a function's frame is a
plain `dict` snapshot of the variables, kept on the frame: changing the dict does not change them,
and every read of `frame.f_locals` refreshes that same dict from the variables, wiping out what was
written into it. 3.13 (PEP 667) returns a `FrameLocalsProxy` instead, a live view: assigning
through it changes the variable.
"""

import inspect
import sys

from pytest_katas import __


def pack_box():
    # These locals are only ever read through the frame.
    size = 3
    label = "books"
    return dict(inspect.currentframe().f_locals)


def peek(name):
    """Return the value of the caller's local variable `name`."""
    return inspect.currentframe().f_back.f_locals[name]


def checkout():
    total = 42
    return peek("total")


def try_to_change_x():
    x = 1
    frame = inspect.currentframe()
    view = frame.f_locals
    view["x"] = 2
    seen = [x, view["x"]]
    frame.f_locals  # read f_locals once more
    seen.append(view["x"])
    del frame
    return seen


def test_f_locals_maps_local_names_to_their_values():
    assert pack_box() == __


def test_f_back_f_locals_reads_the_callers_variables():
    assert checkout() == __


def test_the_type_of_f_locals_depends_on_the_version():
    kind = type(inspect.currentframe().f_locals).__name__
    assert kind == (__ if sys.version_info >= (3, 13) else __)


def test_writing_to_f_locals():
    assert try_to_change_x() == (__ if sys.version_info >= (3, 13) else __)
