"""`-m` sets `__package__` and makes the cwd `sys.path[0]`; a script gets `None` and its own folder.

`python package_a/module_a.py` runs a *file*. Python puts the folder that file is in
(`project/package_a`) at `sys.path[0]`, and sets `__package__` to `None`: a path says nothing
about packages. `python -m package_a.module_a` runs a *module*: Python puts the current folder
(`project`) at `sys.path[0]`, finds `package_a.module_a` there, and sets `__package__` to
`'package_a'`. This holds on every version from 3.10 to 3.13.
"""

import json
import os
import subprocess
import sys

from pytest_katas import __

MODULE_A = """\
import json
import sys

print(json.dumps({"__package__": __package__, "sys.path[0]": sys.path[0]}))
"""


def make_project(tmp_path):
    """project/package_a/__init__.py (empty) and project/package_a/module_a.py."""
    project = tmp_path / "project"
    (project / "package_a").mkdir(parents=True)
    (project / "package_a" / "__init__.py").write_text("")
    (project / "package_a" / "module_a.py").write_text(MODULE_A)
    return project


def run(project, *args):
    """Run `python *args` inside project/ and return what module_a reports."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}
    result = subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_a_scripts_package(tmp_path):
    project = make_project(tmp_path)
    seen = run(project, "package_a/module_a.py")
    assert seen["__package__"] == None  # noqa: E711


def test_the_package_under_python_m(tmp_path):
    project = make_project(tmp_path)
    seen = run(project, "-m", "package_a.module_a")
    assert seen["__package__"] == "package_a"


def test_a_scripts_sys_path0(tmp_path):
    project = make_project(tmp_path)
    seen = run(project, "package_a/module_a.py")
    assert seen["sys.path[0]"] == str(project / "package_a")


def test_sys_path0_under_python_m(tmp_path):
    project = make_project(tmp_path)
    seen = run(project, "-m", "package_a.module_a")
    assert seen["sys.path[0]"] == str(project)
