"""`pyvenv.cfg` is what makes a folder a venv: its python reads that file at every start.

When a python starts, it looks for `pyvenv.cfg` beside its executable or one folder up. If it
finds one, it is a venv's python: `home` says where the base interpreter lives (to find the
standard library) and `include-system-site-packages` says whether the base installation's
site-packages are visible too (by default they are not). 3.10 writes three keys (`home`,
`include-system-site-packages`, `version`); 3.11 added `executable` (the base python) and
`command` (how to recreate the venv). On POSIX the venv's `python` is a symlink to the base
interpreter: take `pyvenv.cfg` away and it starts as the plain base python again.
"""

import os
import subprocess
import sys
from pathlib import Path

from pytest_katas import __


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
    """Run `code` with `python` and return what it prints, without the final newline."""
    result = subprocess.run(
        [python, "-c", code], env=clean_env(), capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def read_cfg(env_dir):
    """pyvenv.cfg as a dict: one `key = value` per line."""
    text = (env_dir / "pyvenv.cfg").read_text()
    return dict(line.split(" = ", 1) for line in text.splitlines() if " = " in line)


SEES_BASE_SITE_PACKAGES = (
    "import sys; "
    "print(any(p.startswith(sys.base_prefix) and p.endswith('-packages') for p in sys.path))"
)


def test_the_keys_it_holds(tmp_path):
    make_venv(tmp_path / "myenv")
    keys = sorted(read_cfg(tmp_path / "myenv"))
    assert keys == (__ if sys.version_info >= (3, 11) else __)


def test_the_base_site_packages_are_left_out_by_default(tmp_path):
    make_venv(tmp_path / "myenv")
    assert read_cfg(tmp_path / "myenv")["include-system-site-packages"] == __


def test_the_venv_python_reads_it_when_it_starts(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    cfg_file = env_dir / "pyvenv.cfg"
    cfg_file.write_text(cfg_file.read_text().replace("= false", "= true"))
    assert run(venv_python(env_dir), SEES_BASE_SITE_PACKAGES) == __


def test_without_it_the_python_is_the_base_python_again(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    (env_dir / "pyvenv.cfg").unlink()
    prefix = run(venv_python(env_dir), "import sys; print(sys.prefix)")
    assert Path(prefix) == __
