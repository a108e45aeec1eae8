"""The old throw(type, value) form still works, but warns DeprecationWarning since Python 3.12.

gen.throw(ValueError, "boom") builds ValueError("boom") and throws it, just like
gen.throw(ValueError("boom")). Python 3.12 deprecated the two- and three-argument forms
(type, value[, traceback]): on 3.12 and later they warn, on 3.10 and 3.11 they are silent. The
one-argument form, an exception instance, never warns. Older examples often write
gen.throw(Exception, "download error"): write gen.throw(Exception("download error")) instead.
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
    assert gen.throw(ValueError, "boom") == "caught ValueError('boom')"


def test_only_the_old_form_warns_and_only_from_python_312(recwarn):
    old_form = catcher()
    next(old_form)
    old_form.throw(ValueError, "boom")
    new_form = catcher()
    next(new_form)
    new_form.throw(ValueError("boom"))
    warned = [warning.category.__name__ for warning in recwarn]
    assert warned == (["DeprecationWarning"] if sys.version_info >= (3, 12) else [])
