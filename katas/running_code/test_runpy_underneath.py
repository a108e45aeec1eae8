"""`python -m` is the `runpy` module at work; a script is run by the interpreter directly.

`python -m NAME` hands NAME to `runpy._run_module_as_main`, which imports the parent packages,
finds the module's code and runs it as `__main__`: two runpy frames sit below the module's own.
`runpy.run_module(NAME, run_name="__main__", alter_sys=True)` is the public way to do the same
from Python. `python file.py` does not use runpy at all (only a folder or zip file given as a
path goes through it). `runpy.run_path(path, run_name="__main__")` imitates running a file, but
not to the letter: it sets `__package__` to `''` where a real script gets `None`.
"""

import json
import os
import subprocess
import sys

from pytest_katas import __

MODULE_A = """\
import json
import traceback

print(json.dumps({
    "__name__": __name__,
    "__package__": __package__,
    "callers": [frame.name for frame in traceback.extract_stack()[:-1]],
}))
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
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    result = subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_python_m_runs_the_module_from_runpy(tmp_path):
    seen = run(make_project(tmp_path), "-m", "package_a.module_a")
    assert seen["callers"] == __


def test_a_script_has_no_callers(tmp_path):
    seen = run(make_project(tmp_path), "package_a/module_a.py")
    assert seen["callers"] == __


def test_run_module_does_what_python_m_does(tmp_path):
    code = (
        "import runpy; runpy.run_module('package_a.module_a', run_name='__main__', alter_sys=True)"
    )
    seen = run(make_project(tmp_path), "-c", code)
    assert (seen["__name__"], seen["__package__"]) == __


def test_run_path_sets_an_empty_package(tmp_path):
    code = "import runpy; runpy.run_path('package_a/module_a.py', run_name='__main__')"
    seen = run(make_project(tmp_path), "-c", code)
    assert seen["__package__"] == __
