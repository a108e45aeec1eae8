"""pytest-katas: katas that teach how Python really works, run and tracked by a pytest plugin.

Katas import the blank from here::

    from pytest_katas import __

    def test_the_first_value():
        assert next(countdown(3)) == __
"""

from pytest_katas.blanks import BlankError, __

__all__ = ["BlankError", "__"]
__version__ = "0.1.0"
