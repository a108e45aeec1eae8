"""A package installed in a venv is a file in the venv's own site-packages: only its python sees it.

"Installing" mostly means copying files into the folder that `sysconfig.get_path("purelib")`
names, as the venv's python reports it: `lib/pythonX.Y/site-packages` inside the venv on POSIX,
`Lib/site-packages` on Windows. The venv's python puts that folder on its `sys.path`; no other
interpreter does, so the same `import` fails everywhere else. That is the whole isolation.
"""

import os
import subprocess
import sys
from pathlib import Path

from pytest_katas import __

# The name of this interpreter's folder under lib/, e.g. "python3.12".
PYTHON_X_Y = f"python{sys.version_info[0]}.{sys.version_info[1]}"


def clean_env():
    """The current environment without the learner's PYTHON* variables."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}


def make_venv(env_dir):
    """Create a venv without pip, as `python -m venv --without-pip env_dir` does."""
    command = [sys.executable, "-m", "venv", "--without-pip", str(env_dir)]
    subprocess.run(command, env=clean_env(), check=True)


def venv_python(env_dir):
    """The venv's own interpreter."""
    if sys.platform == "win32":
        return env_dir / "Scripts" / "python.exe"
    return env_dir / "bin" / "python"


def run(python, code):
    """Run `code` with `python`; return the finished process."""
    return subprocess.run([python, "-c", code], env=clean_env(), capture_output=True, text=True)


def last_line(text):
    """The last line of `text`: where a traceback names its exception."""
    return text.strip().splitlines()[-1]


def install_hello(env_dir):
    """Drop a one-line module, hello_venv.py, into the venv's site-packages."""
    code = "import sysconfig; print(sysconfig.get_path('purelib'))"
    purelib = run(venv_python(env_dir), code).stdout.strip()
    Path(purelib, "hello_venv.py").write_text("GREETING = 'hello from the venv'\n")
    return Path(purelib)


def test_the_venv_has_its_own_site_packages(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    purelib = install_hello(env_dir)
    assert purelib.relative_to(env_dir).parts == __


def test_the_venv_python_imports_what_is_there(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    install_hello(env_dir)
    result = run(venv_python(env_dir), "import hello_venv; print(hello_venv.GREETING)")
    assert result.stdout.strip() == __


def test_another_python_cannot_import_it(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    install_hello(env_dir)
    result = run(sys.executable, "import hello_venv")
    assert last_line(result.stderr) == __
