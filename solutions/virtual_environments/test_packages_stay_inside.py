"""A package installed in a venv is a file in the venv's own site-packages: only its python sees it.

"Installing" mostly means copying files into the folder that `sysconfig.get_path("purelib")`
names, as the venv's python reports it: `lib/pythonX.Y/site-packages` inside the venv on POSIX,
`Lib/site-packages` on Windows. The venv's python puts that folder on its `sys.path`; no other
interpreter does, not even another venv's python made from the same base interpreter, so the same
`import` fails everywhere else. That is the whole isolation.
"""

import os
import subprocess
import sys
import venv
from pathlib import Path

from pytest_katas import __

# The name of this interpreter's folder under lib/, e.g. "python3.12".
PYTHON_X_Y = f"python{sys.version_info[0]}.{sys.version_info[1]}"


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


def run(python, code):
    """Run `code` with `python`; return the finished process."""
    return subprocess.run([python, "-c", code], env=clean_env(), capture_output=True, text=True)


def imports(python, module):
    """Whether `python` can import `module`."""
    return run(python, f"import {module}").returncode == 0


def install_hello(env_dir):
    """Drop a one-line module, hello_venv.py, into the venv's site-packages."""
    code = "import sysconfig; print(sysconfig.get_path('purelib'))"
    purelib = run(venv_python(env_dir), code).stdout.strip()
    Path(purelib, "hello_venv.py").write_text("GREETING = 'hello from the venv'\n")
    return Path(purelib)


def test_where_its_site_packages_is(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    purelib = install_hello(env_dir)
    assert purelib.relative_to(env_dir).parts == (
        ("Lib", "site-packages")
        if sys.platform == "win32"
        else ("lib", PYTHON_X_Y, "site-packages")
    )


def test_what_the_venv_python_prints(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    install_hello(env_dir)
    result = run(venv_python(env_dir), "import hello_venv; print(hello_venv.GREETING)")
    assert result.stdout.strip() == "hello from the venv"


def test_which_pythons_can_import_it(tmp_path):
    env_dir, other_dir = tmp_path / "myenv", tmp_path / "other"
    make_venv(env_dir)
    make_venv(other_dir)
    install_hello(env_dir)
    pythons = {
        "myenv": venv_python(env_dir),
        "other": venv_python(other_dir),
        "the python running this kata": sys.executable,
    }
    importing = [name for name, python in pythons.items() if imports(python, "hello_venv")]
    assert importing == ["myenv"]
