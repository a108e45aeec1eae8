"""A venv is bound to the interpreter that made it: `python3.X -m venv DIR` makes a 3.X venv.

You choose a venv's Python when you make it, by choosing which python runs `-m venv`:
`python3.12 -m venv .venv` (the first `python3.12` on `PATH`), `/opt/python3.11/bin/python3 -m venv
.venv`, or `py -3.12 -m venv .venv` on Windows. `venv` has no option to pick another one, and the
choice is for life: `pyvenv.cfg` records the base interpreter's folder (`home`) and full version
(`version`), and on POSIX the scripts folder holds `python`, `python3` and `python3.X`, links to (or
copies of) that interpreter. For another Python, make another venv. When a venv's own python runs
`-m venv`, the new venv is bound to the base interpreter underneath, from 3.11: its `home` is the base
installation's folder, and it outlives the venv that made it. Python 3.10 stops one step short: it
writes the first venv's `bin` as `home` and links to the python there, so deleting the first venv
breaks the second. The third-party `virtualenv` works the other way round: installed once, it is
told which interpreter to use, `virtualenv -p python3.9 myenv` (`-p` is `--python`), and can make
venvs for Pythons other than the one it runs on. It is not installed here; these katas use `venv`.
"""

import json
import os
import shutil
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


def make_venv_with(python, env_dir):
    """Run `python -m venv --without-pip env_dir`."""
    command = [python, "-m", "venv", "--without-pip", str(env_dir)]
    subprocess.run(command, env=clean_env(), check=True)


def venv_python(env_dir):
    """The venv's own interpreter."""
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


def version(python):
    """The [major, minor, micro] that `python` reports."""
    return json.loads(run(python, "import json, sys; print(json.dumps(sys.version_info[:3]))"))


def output_or_error(python, code):
    """What `python -c code` prints, or the name of the error that stops it from starting."""
    try:
        return run(python, code)
    except OSError as error:
        return type(error).__name__


def made_here(path, tmp_path):
    """`path` relative to tmp_path, where this kata makes its venvs, or None if it lies elsewhere."""
    path = Path(path)
    return path.relative_to(tmp_path).as_posix() if path.is_relative_to(tmp_path) else None


def test_pyvenv_cfg_records_the_version(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    assert read_cfg(env_dir)["version"] == "{}.{}.{}".format(*sys.version_info[:3])


def test_the_scripts_folder_names_its_pythons(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    names = sorted(p.name for p in (env_dir / "bin").iterdir() if p.name.startswith("python"))
    assert names == ["python", "python3", f"python3.{sys.version_info[1]}"]


def test_the_version_it_runs(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    assert version(venv_python(env_dir)) == list(sys.version_info[:3])


def test_a_venv_made_by_a_venvs_python(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    make_venv(first)
    make_venv_with(venv_python(first), second)
    home = made_here(read_cfg(second)["home"], tmp_path)
    shutil.rmtree(first)
    started = output_or_error(venv_python(second), "print('still here')")
    assert (home, started) == (
        (None, "still here") if sys.version_info >= (3, 11) else ("first/bin", "FileNotFoundError")
    )
