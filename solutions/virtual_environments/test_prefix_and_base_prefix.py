"""Inside a venv `sys.prefix` is the venv's folder and `sys.base_prefix` the base installation.

Outside any venv the two are equal, so `sys.prefix != sys.base_prefix` is how a program tells
that it runs in a virtual environment. No activation is needed: running the venv's python by its
path is enough. This is the documented test (PEP 405); environments made by the third-party
`virtualenv` (version 20 and later) pass it too. Very old virtualenv releases (before 20) set a
`sys.real_prefix` instead, and checking `VIRTUAL_ENV` only tells you that a shell activated
something.
"""

import inspect
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

from pytest_katas import __


def clean_env():
    """The current environment without the learner's PYTHON* variables."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}


def make_venv(env_dir):
    """Make a venv without pip with this python, in-process, as `python -m venv --without-pip
    env_dir` would: its python is a symlink on POSIX, a copy on Windows."""
    venv.create(env_dir, with_pip=False, symlinks=os.name != "nt")


def venv_python(env_dir):
    """The venv's own interpreter."""
    if sys.platform == "win32":
        return env_dir / "Scripts" / "python.exe"
    return env_dir / "bin" / "python"


def base_python():
    """The base installation's interpreter, outside any venv."""
    if sys.platform == "win32":
        return Path(sys.base_prefix) / "python.exe"
    return Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}"


def run(python, code):
    """Run `code` with `python` and return what it prints, without the final newline."""
    result = subprocess.run(
        [python, "-c", code], env=clean_env(), capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_inside_a_venv_sys_prefix(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    prefix = run(venv_python(env_dir), "import sys; print(sys.prefix)")
    assert Path(prefix) == env_dir


def test_inside_a_venv_sys_base_prefix(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    base_prefix = run(venv_python(env_dir), "import sys; print(sys.base_prefix)")
    assert Path(base_prefix) == Path(sys.base_prefix)


def test_outside_a_venv_the_two_prefixes(tmp_path):
    code = "import json, sys; print(json.dumps([sys.prefix, sys.base_prefix]))"
    prefixes = json.loads(run(base_python(), code))
    assert prefixes == [sys.base_prefix, sys.base_prefix]


def is_inside_venv():
    """True when the running interpreter is a virtual environment's, else False."""
    return sys.prefix != sys.base_prefix


def call_with(python, function):
    """Run `function`'s source with `python` (after `import sys`) and return the repr of its result."""
    code = f"import sys\n{inspect.getsource(function)}\nprint(repr({function.__name__}()))"
    return run(python, code)


def test_is_inside_venv_says_true_in_a_venv(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    assert call_with(venv_python(env_dir), is_inside_venv) == "True"


def test_is_inside_venv_says_false_outside():
    assert call_with(base_python(), is_inside_venv) == "False"
