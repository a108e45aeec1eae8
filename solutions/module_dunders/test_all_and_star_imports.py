"""`__all__` only decides what `from package import *` binds; a name left out is simply not there.

This is the seed note's `calculator` package, file for file: its `__init__.py` imports nothing and
only sets `__all__ = ['add', 'subtract']`. A star import binds every name in `__all__`, importing
the submodule of that name when the package has no such attribute yet, so `add` and `subtract`
arrive as *modules* (hence `add.add(2, 3)`). The seed note says that using `internal` afterwards
raises `ImportError`, which its `except ImportError` catches; in fact the name `internal` was never
bound, so the program dies with a `NameError`, which that `except` does not catch. And `__all__`
hides nothing from an explicit `from calculator import internal`.
"""

import os
import subprocess
import sys

from pytest_katas import __

CALCULATOR = {
    "__init__.py": """\
# Which modules may be imported "publicly"
__all__ = ['add', 'subtract']

# The modules could also be imported here (usually not recommended, since __all__ names them)
# from . import add, subtract
""",
    "add.py": "def add(a, b):\n    return a + b\n",
    "subtract.py": "def subtract(a, b):\n    return a - b\n",
    "internal.py": "def _multiply(a, b):\n    return a * b\n",
}

NOTE_PROGRAM = """\
from calculator import *

# These work
print(add.add(2, 3))  # prints: 5
print(subtract.subtract(5, 3))  # prints: 2

# This fails! internal.py is not in __all__
try:
    print(internal._multiply(2, 3))
except ImportError as e:
    print("error: the internal module was not exported, so it cannot be used")
"""


def run_program(root, source):
    """Write the calculator package and main.py (holding `source`) under root, then run main.py."""
    (root / "calculator").mkdir()
    for name, text in CALCULATOR.items():
        (root / "calculator" / name).write_text(text)
    (root / "main.py").write_text(source)
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTHON")}
    return subprocess.run(
        [sys.executable, "main.py"], cwd=root, env=env, capture_output=True, text=True
    )


def test_importing_the_package_does_not_import_its_submodules(tmp_path):
    done = run_program(tmp_path, "import calculator\n\nprint(hasattr(calculator, 'add'))\n")
    assert done.stdout.splitlines() == ["False"]


def test_star_import_imports_the_submodules_named_in_all(tmp_path):
    source = "from calculator import *\n\nprint(type(add).__name__)\nprint(add.add(2, 3))\n"
    done = run_program(tmp_path, source)
    assert done.stdout.splitlines() == ["module", "5"]


def test_a_name_left_out_of_all_is_a_name_error_not_an_import_error(tmp_path):
    done = run_program(tmp_path, NOTE_PROGRAM)
    assert done.stdout.splitlines() == ["5", "2"]
    assert done.stderr.splitlines()[-1] == "NameError: name 'internal' is not defined"


def test_all_does_not_stop_an_explicit_import(tmp_path):
    source = "from calculator import internal\n\nprint(internal._multiply(2, 3))\n"
    done = run_program(tmp_path, source)
    assert done.stdout.splitlines() == ["6"]
