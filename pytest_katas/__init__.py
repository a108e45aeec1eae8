"""pytest-katas: katas that teach how Python really works, run and tracked by a pytest plugin.

Katas import the blank from here::

    from pytest_katas import __

    def test_the_first_value():
        assert next(countdown(3)) == __
"""

from pytest_katas.blanks import BlankError, __

__all__ = ["BlankError", "__"]
# The one place the version is written: pyproject.toml's version is read from here (setuptools
# reads the literal without importing the package, so it stays a plain string), and everything
# that prints a version prints this one.
__version__ = "0.1.0"
