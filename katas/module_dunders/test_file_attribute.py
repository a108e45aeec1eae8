"""`__file__` is the absolute path of a module's source file, and not every module has one.

Since Python 3.9 it is absolute both for an imported module and for the script Python runs, even
when you named the script with a relative path. Code given with `python -c` (or typed at the REPL)
has no file, so the name `__file__` is not defined there, and modules built into the interpreter,
such as `sys`, have no `__file__` attribute at all.
"""

import os
import subprocess
import sys
from pathlib import Path

from pytest_katas import __


def make_app(root):
    """Create root/app/__init__.py and root/app/config.py, which prints its own __file__."""
    (root / "app").mkdir()
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "config.py").write_text("print(__file__)\n")


def run_python(cwd, *args):
    """Run this Python with `args` in `cwd`, without your PYTHON* variables; return stdout lines."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTHON")}
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_an_imported_module_knows_the_absolute_path_of_its_file(tmp_path):
    make_app(tmp_path)
    printed = run_python(tmp_path, "-c", "import app.config")
    assert Path(printed[0]) == __


def test_a_script_named_by_a_relative_path_still_gets_an_absolute_file(tmp_path):
    make_app(tmp_path)
    printed = run_python(tmp_path, "app/config.py")
    assert Path(printed[0]) == __


def test_code_run_with_dash_c_has_no_file(tmp_path):
    code = "try:\n    print(__file__)\nexcept NameError:\n    print('no __file__ here')\n"
    assert run_python(tmp_path, "-c", code) == __


def test_a_module_built_into_the_interpreter_has_no_file():
    assert (hasattr(sys, "__file__"), hasattr(os, "__file__")) == __
