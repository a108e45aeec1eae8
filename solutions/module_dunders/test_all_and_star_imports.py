"""`__all__` only decides what `from package import *` binds; a name left out is simply not there.

The `calculator` package below is a common example of `__all__`: its `__init__.py` imports nothing
and only sets `__all__ = ['add', 'subtract']`. Importing a package runs its `__init__.py` and
nothing more; importing a submodule (`import calculator.add`) also binds it as an attribute of the
package. A star import binds every name in `__all__`, importing the submodule of that name when the
package has no such attribute yet, so `add` and `subtract` arrive as *modules* (hence
`add.add(2, 3)`). The example then claims that using `internal` raises `ImportError`, which its
`except ImportError` catches. In fact the name `internal` was never bound, so using it raises
`NameError`, which that `except` does not catch: the program dies with a traceback. And `__all__`
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

PROGRAM = """\
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
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "COVERAGE_"))
    }
    return subprocess.run(
        [sys.executable, "main.py"], cwd=root, env=env, capture_output=True, text=True
    )


SUBMODULES = "print(sorted(name for name in vars(calculator) if not name.startswith('__')))\n"


def test_the_package_attributes_before_and_after_importing_a_submodule(tmp_path):
    source = "import calculator\n" + SUBMODULES + "import calculator.add\n" + SUBMODULES
    done = run_program(tmp_path, source)
    assert done.stdout.splitlines() == ["[]", "['add']"]


def test_what_a_star_import_binds(tmp_path):
    source = "from calculator import *\n\nprint(type(add).__name__)\nprint(add.add(2, 3))\n"
    done = run_program(tmp_path, source)
    assert done.stdout.splitlines() == ["module", "5"]


def test_using_a_name_left_out_of_all(tmp_path):
    done = run_program(tmp_path, PROGRAM)
    error_class = done.stderr.splitlines()[-1].partition(":")[0]
    assert (done.stdout.splitlines(), error_class) == (["5", "2"], "NameError")


def test_an_explicit_import_of_a_name_left_out_of_all(tmp_path):
    source = "from calculator import internal\n\nprint(internal._multiply(2, 3))\n"
    done = run_program(tmp_path, source)
    assert done.stdout.splitlines() == ["6"]
