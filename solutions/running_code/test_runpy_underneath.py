"""`python -m` is the `runpy` module at work; a script is run by the interpreter directly.

`python -m NAME` hands NAME to the standard library's `runpy` module, which imports the parent
packages, finds the module's code and runs it as `__main__`: a traceback from such a module starts
in runpy (shown as `<frozen runpy>` from 3.11, where runpy is built into the interpreter). A folder
or a zip file given as a path goes through runpy too, which runs its `__main__.py`; a plain
`python file.py` never touches runpy. `runpy.run_module(NAME, run_name="__main__",
alter_sys=True)` is the public way to do what `-m` does from Python code. `runpy.run_path(path,
run_name="__main__")` imitates running a file, but not to the letter: it sets `__package__` to
`''` where a real script gets `None`.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from pytest_katas import __

MODULE_A = """\
import json

print(json.dumps({"__name__": __name__, "__package__": __package__}))
"""

FAILS = "raise RuntimeError('look underneath')\n"


def make_project(tmp_path):
    """project/package_a/: an empty __init__.py, module_a.py, and fails.py and __main__.py, which
    both raise."""
    project = tmp_path / "project"
    (project / "package_a").mkdir(parents=True)
    (project / "package_a" / "__init__.py").write_text("")
    (project / "package_a" / "module_a.py").write_text(MODULE_A)
    (project / "package_a" / "fails.py").write_text(FAILS)
    (project / "package_a" / "__main__.py").write_text(FAILS)
    return project


def run(project, *args):
    """Run `python *args` inside project/; return the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True
    )


def modules_in_traceback(stderr):
    """The modules that the traceback in `stderr` passes through, outermost first, each once.

    A traceback entry names a file: `/…/runpy.py`, or `<frozen runpy>` for a module built into the
    interpreter, or `<string>` for `-c` code. Each is shortened to the module's name: `runpy`.
    """
    names = []
    for filename in re.findall(r'^  File "(.+?)", line \d+', stderr, flags=re.MULTILINE):
        frozen = re.fullmatch(r"<frozen (.+)>", filename)
        if frozen:
            name = frozen.group(1)
        elif filename.startswith("<"):
            name = filename
        else:
            name = Path(filename).stem
        if name not in names:
            names.append(name)
    return names


def test_python_m_runs_the_module_from(tmp_path):
    result = run(make_project(tmp_path), "-m", "package_a.fails")
    assert modules_in_traceback(result.stderr) == ["runpy", "fails"]


def test_a_script_runs_from(tmp_path):
    result = run(make_project(tmp_path), "package_a/fails.py")
    assert modules_in_traceback(result.stderr) == ["fails"]


def test_a_folder_path_runs_its_main_from(tmp_path):
    result = run(make_project(tmp_path), "package_a")
    assert modules_in_traceback(result.stderr) == ["runpy", "__main__"]


def test_run_module_names(tmp_path):
    code = (
        "import runpy; runpy.run_module('package_a.module_a', run_name='__main__', alter_sys=True)"
    )
    seen = json.loads(run(make_project(tmp_path), "-c", code).stdout)
    assert (seen["__name__"], seen["__package__"]) == ("__main__", "package_a")


def test_run_path_sets_this_package(tmp_path):
    code = "import runpy; runpy.run_path('package_a/module_a.py', run_name='__main__')"
    seen = json.loads(run(make_project(tmp_path), "-c", code).stdout)
    assert seen["__package__"] == ""
