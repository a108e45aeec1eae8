"""`__file__` is the absolute path of a module's source file, and not every module has one.

Since Python 3.9 it is absolute both for an imported module and for the script Python runs, even
when you named the script with a relative path. Code given with `python -c` (or typed at the REPL)
comes from no file, so the name `__file__` is not defined there at all. A module's `__spec__.origin`
says where the import system found it. Modules built into the interpreter, such as `sys` and
`builtins`, come from no file either (origin `'built-in'`) and have no `__file__` attribute. From
3.11 the modules Python needs to start, `os` among them, are *frozen*: their compiled code is stored
inside the interpreter and loaded from there (origin `'frozen'`), yet they still set `__file__` to
their source file in the standard library; on 3.10 `os` is loaded from `os.py` like any other
module. (A Python run with `-X frozen_modules=off`, the default of a debug build, loads them from
their files again.)
"""

import json
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
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "COVERAGE_"))
    }
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def where_from(module):
    """Where the import system found `module`: its `__spec__.origin`, cut to the file name when it
    is a path."""
    origin = module.__spec__.origin
    return origin if origin in ("built-in", "frozen") else Path(origin).name


def test_the_file_of_an_imported_module(tmp_path):
    make_app(tmp_path)
    printed = run_python(tmp_path, "-c", "import app.config")
    assert Path(printed[0]) == __


def test_the_file_of_a_script_named_by_a_relative_path(tmp_path):
    make_app(tmp_path)
    printed = run_python(tmp_path, "app/config.py")
    assert Path(printed[0]) == __


def test_the_file_of_code_run_with_dash_c(tmp_path):
    code = """\
try:
    print(__file__)
except Exception as error:
    print(type(error).__name__)
"""
    assert run_python(tmp_path, "-c", code) == __


def test_which_of_these_modules_have_a_file():
    modules = [sys, json, os]
    assert [module.__name__ for module in modules if hasattr(module, "__file__")] == __


def test_where_the_import_system_found_each_module():
    origins = [where_from(module) for module in (sys, json, os)]
    expected = __ if sys.version_info >= (3, 11) else __
    assert origins == expected
