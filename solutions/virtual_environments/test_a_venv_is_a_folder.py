"""A virtual environment is just a folder: `python -m venv DIR` fills it, deleting it undoes it.

The folder holds a `pyvenv.cfg`, a scripts folder with the environment's own `python` (`bin` on
POSIX, `Scripts` on Windows; the venv's python reports it as `sysconfig.get_path("scripts")`) and
an empty `site-packages`. `--without-pip` (in Python: `venv.create(DIR, with_pip=False)`) skips
installing pip, so creating one takes a fraction of a second instead of several seconds. Nothing
is registered anywhere else: removing the folder is the whole uninstall. New in 3.13: the command
line also writes a `.gitignore` containing `*` into the folder; `venv.create()` does not unless
asked (`scm_ignore_files={"git"}`). The third-party `virtualenv` (`pip install virtualenv`) makes
the same kind of folder; these katas use the standard `venv` only.
"""

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from pytest_katas import __


def clean_env():
    """The current environment without the learner's PYTHON* variables."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}


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
    """Run `code` with `python` and return what it prints, without the final newline."""
    result = subprocess.run(
        [python, "-c", code], env=clean_env(), capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_the_command_line_writes_these_files_at_the_top(tmp_path):
    make_venv(tmp_path / "myenv")
    files = sorted(p.name for p in (tmp_path / "myenv").iterdir() if p.is_file())
    assert files == (
        [".gitignore", "pyvenv.cfg"] if sys.version_info >= (3, 13) else ["pyvenv.cfg"]
    )


def test_venv_create_writes_these_files_at_the_top(tmp_path):
    venv.create(tmp_path / "myenv", with_pip=False)
    files = sorted(p.name for p in (tmp_path / "myenv").iterdir() if p.is_file())
    assert files == ["pyvenv.cfg"]


def test_where_its_python_lives(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    scripts = run(venv_python(env_dir), "import sysconfig; print(sysconfig.get_path('scripts'))")
    assert Path(scripts) == env_dir / ("Scripts" if sys.platform == "win32" else "bin")


def test_what_its_site_packages_holds_without_pip(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    site_packages = run(
        venv_python(env_dir), "import sysconfig; print(sysconfig.get_path('purelib'))"
    )
    assert sorted(p.name for p in Path(site_packages).iterdir()) == []


def test_deleting_the_folder_deletes_the_environment(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    shutil.rmtree(env_dir)
    with pytest.raises(Exception) as caught:
        run(venv_python(env_dir), "print('still here?')")
    assert caught.type == FileNotFoundError  # noqa: E721
