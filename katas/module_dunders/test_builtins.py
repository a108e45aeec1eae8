"""Reach built-ins with `import builtins`: `__builtins__` is that module only in `__main__`.

Built-in names such as `len` live in the `builtins` module; a name that is neither local nor global
is looked up there. CPython also puts a `__builtins__` variable into every module's globals, as an
implementation detail: in `__main__` it is the `builtins` module, but in an imported module it is
`builtins.__dict__`, a plain dict. So `__builtins__.len([1, 2, 3])`, often shown as a way to call a
built-in, works in the main script only: in an imported module it raises `AttributeError`, since a
dict has no attribute `len`. `import builtins` works everywhere, even when a global hides a
built-in. Each step runs a `main.py` that imports a module `tool.py` beside it.
"""

import os
import subprocess
import sys

from pytest_katas import __


def run_main(root, main_source, tool_source=""):
    """Write main.py and tool.py under root, run main.py, return its output lines."""
    (root / "main.py").write_text(main_source)
    (root / "tool.py").write_text(tool_source)
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "COVERAGE_"))
    }
    done = subprocess.run(
        [sys.executable, "main.py"], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_builtins_in_the_main_script_and_in_an_imported_module(tmp_path):
    main = "import tool\nprint('main:', type(__builtins__).__name__)\n"
    tool = "print('tool:', type(__builtins__).__name__)\n"
    assert run_main(tmp_path, main, tool) == __


def test_builtins_len_in_an_imported_module(tmp_path):
    tool = """\
try:
    print(__builtins__.len([1, 2, 3]))
except Exception as error:
    print(type(error).__name__)
"""
    assert run_main(tmp_path, "import tool\n", tool) == __


def test_import_builtins_when_a_global_hides_a_built_in(tmp_path):
    tool = """\
import builtins

def len(obj):
    return -1

print(len([1, 2, 3]), builtins.len([1, 2, 3]))
"""
    assert run_main(tmp_path, "import tool\n", tool) == __
