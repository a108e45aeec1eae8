"""`__doc__` is the docstring as compiled: 3.13 strips its indentation, and `python -OO` drops it.

A docstring is a plain string literal that is the *first* statement of a module, class or
function; a comment above it is no statement and changes nothing. A string anywhere else is just an
expression that is thrown away, and an f-string is not a literal at all (it is computed when it
runs), so neither becomes `__doc__`. Up to 3.12, `__doc__` keeps the indentation of every line
after the first, so printing `calculate_area.__doc__` below shows those lines indented; 3.13
removes the common leading whitespace at compile time. `inspect.cleandoc` (which `inspect.getdoc`
uses) gives the same tidy text on every version. `python -O` keeps docstrings (it removes `assert`
statements and sets `__debug__` to False); `python -OO` removes docstrings as well: `__doc__` is
then `None`, so never let a program depend on one.
"""

import inspect
import json
import os
import subprocess
import sys

from pytest_katas import __


def calculate_area(radius):
    """Compute the area of a circle.
    Args:
        radius (float): the radius of the circle.
    Returns:
        float: the area of the circle.
    """
    return 3.14 * radius**2


def late_doc():
    result = 1
    """This string is not the first statement of the function."""
    return result


SHAPE = "circle"


def f_string_doc():
    f"""Compute the area of a {SHAPE}."""  # noqa


def commented_doc():
    # A comment is not a statement.
    """Compute the area of a circle."""


GREET = '''\
import json

def greet():
    """Say hello."""

print(json.dumps([greet.__doc__, __debug__]))
'''


def run_greet_with(tmp_path, option):
    """Run greet.py with the given command-line option; return [greet.__doc__, __debug__] as it
    printed them."""
    (tmp_path / "greet.py").write_text(GREET)
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "COVERAGE_"))
    }
    done = subprocess.run(
        [sys.executable, option, "greet.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_which_literals_are_docstrings():
    docs = [late_doc.__doc__, f_string_doc.__doc__, commented_doc.__doc__]
    assert docs == __


def test_the_indentation_of_later_lines_depends_on_the_version():
    second_line = calculate_area.__doc__.splitlines()[1]
    assert second_line == (__ if sys.version_info >= (3, 13) else __)


def test_cleandoc_on_every_version():
    third_line = inspect.cleandoc(calculate_area.__doc__).splitlines()[2]
    assert third_line == __


def test_what_python_dash_o_removes(tmp_path):
    assert run_greet_with(tmp_path, "-O") == __


def test_what_python_dash_oo_removes(tmp_path):
    assert run_greet_with(tmp_path, "-OO") == __
