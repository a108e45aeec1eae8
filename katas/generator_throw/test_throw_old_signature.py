"""The old throw(type, value) form still works, but warns DeprecationWarning since Python 3.12.

gen.throw(ValueError, "boom") builds ValueError("boom") and throws it, just like
gen.throw(ValueError("boom")). Python 3.12 deprecated the two- and three-argument forms
(type, value[, traceback]): on 3.12 and later they warn, on 3.10 and 3.11 they are silent. The
seed note's gen.throw(Exception, "download error") is this old form: write
gen.throw(Exception("download error")) instead.
"""

import sys

from pytest_katas import __


def catcher():
    try:
        yield "ready"
    except ValueError as err:
        yield f"caught {err!r}"


def test_the_old_form_builds_the_exception_from_its_arguments(recwarn):
    gen = catcher()
    next(gen)
    assert gen.throw(ValueError, "boom") == __


def test_the_old_form_warns_from_python_312(recwarn):
    gen = catcher()
    next(gen)
    gen.throw(ValueError, "boom")
    categories = [w.category for w in recwarn]
    expected = __ if sys.version_info >= (3, 12) else __
    assert categories == expected


def test_the_one_argument_form_never_warns(recwarn):
    gen = catcher()
    next(gen)
    gen.throw(ValueError("boom"))
    assert len(recwarn) == __
