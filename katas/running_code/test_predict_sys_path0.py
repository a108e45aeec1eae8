"""`sys.path[0]` follows one rule per way of starting Python: write it down as a function.

A script puts its own folder first: the real folder of the real file, as `os.path.realpath` gives
it on POSIX (absolute, `..` worked out, every symlink followed), whatever path you typed and
wherever you typed it from. `-m` puts the current folder, as the operating system reports it
(`os.getcwd()`, which names the real folder even when you got there through a symlink), and `-c`
puts the empty string `''`. (That is without `-I`, which always leaves that entry out, or `-P`,
which does the same from 3.11.) Each step below compares your function with what a real
interpreter reports.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from pytest_katas import __

SHOW_PATH0 = "import json, sys; print(json.dumps(sys.path[0]))"


def sys_path0(args, cwd):
    """What `sys.path[0]` is for `python *args` started in the folder `cwd` (a Path), as a str.

    `args` is what follows `python`: ["-c", code], ["-m", module_name] or [script_path], where
    script_path is relative to cwd or absolute.
    """
    __


def make_project(tmp_path):
    """project/package_a/__init__.py (empty) and project/package_a/module_a.py, and beside project/
    two symlinks: shortcut.py to module_a.py, and shortcut_folder to project/."""
    project = tmp_path / "project"
    (project / "package_a").mkdir(parents=True)
    (project / "package_a" / "__init__.py").write_text("")
    (project / "package_a" / "module_a.py").write_text(SHOW_PATH0)
    (tmp_path / "shortcut.py").symlink_to(project / "package_a" / "module_a.py")
    (tmp_path / "shortcut_folder").symlink_to(project)
    return project


def real_sys_path0(args, cwd):
    """Start a real `python *args` in cwd and return the sys.path[0] it prints."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}
    result = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_a_script_in_a_subfolder(tmp_path):
    project = make_project(tmp_path)
    args = ["package_a/module_a.py"]
    assert sys_path0(args, project) == real_sys_path0(args, project)


def test_a_module(tmp_path):
    project = make_project(tmp_path)
    args = ["-m", "package_a.module_a"]
    assert sys_path0(args, project) == real_sys_path0(args, project)


def test_a_command(tmp_path):
    project = make_project(tmp_path)
    args = ["-c", SHOW_PATH0]
    assert sys_path0(args, project) == real_sys_path0(args, project)


def test_a_script_given_by_its_full_path_from_elsewhere(tmp_path):
    project = make_project(tmp_path)
    args = [str(project / "package_a" / "module_a.py")]
    assert sys_path0(args, tmp_path) == real_sys_path0(args, tmp_path)


def test_a_script_reached_through_dot_dot(tmp_path):
    project = make_project(tmp_path)
    args = ["../package_a/module_a.py"]
    assert sys_path0(args, project / "package_a") == real_sys_path0(args, project / "package_a")


def test_a_script_that_is_a_symlink(tmp_path):
    make_project(tmp_path)
    args = ["shortcut.py"]
    assert sys_path0(args, tmp_path) == real_sys_path0(args, tmp_path)


def test_a_module_from_a_folder_reached_through_a_symlink(tmp_path):
    make_project(tmp_path)
    args = ["-m", "package_a.module_a"]
    cwd = tmp_path / "shortcut_folder"
    assert sys_path0(args, cwd) == real_sys_path0(args, cwd)
