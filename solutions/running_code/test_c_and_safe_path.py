"""`python -c` puts `''` (the current folder) first on `sys.path`; `-P` (3.11+) puts nothing there.

With `-c` (and in the interactive prompt) there is no file, so `sys.path[0]` is the empty string,
which the import system reads as "the current folder". Whatever Python puts first on `sys.path`
(the script's folder, the current folder or `''`) comes before the standard library, so it can
shadow it: a stray `random.py` in that folder is imported instead of the real one (a module's
`__file__` is the path of the file it was loaded from). Python 3.11 added `-P` and the environment
variable `PYTHONSAFEPATH=1` to leave that first entry out. Python 3.10 does not know them: it
rejects `-P` as an unknown option (exit status 2, before running anything) and ignores the
variable.
"""

import json
import os
import subprocess
import sys

from pytest_katas import __

# Says which random module `import random` found: the one in project/ or the standard library's.
WHICH_RANDOM = "import random; print(getattr(random, 'WHERE', \"the standard library's random\"))"

# sys.path[0], and the file `import random` found, relative to the current folder.
PATH0_AND_RANDOM = (
    "import json, os, random, sys; "
    "print(json.dumps([sys.path[0], os.path.relpath(random.__file__)]))"
)

# The folders of sys.path inside project/ (the current folder), relative to it.
PROJECT_ENTRIES = """\
import json
import os
import sys

project = os.getcwd()
print(json.dumps([os.path.relpath(entry) for entry in sys.path if entry.startswith(project)]))
"""


def make_project(tmp_path):
    """project/random.py, project/package_a/__init__.py (empty) and project/package_a/module_a.py."""
    project = tmp_path / "project"
    (project / "package_a").mkdir(parents=True)
    (project / "random.py").write_text("WHERE = 'the random.py in project/'\n")
    (project / "package_a" / "__init__.py").write_text("")
    (project / "package_a" / "module_a.py").write_text(PROJECT_ENTRIES)
    return project


def run(project, *args, **extra_env):
    """Run `python *args` inside project/; return the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True
    )


def test_python_c_in_the_project_folder(tmp_path):
    result = run(make_project(tmp_path), "-c", PATH0_AND_RANDOM)
    assert json.loads(result.stdout) == ["", "random.py"]


def test_minus_p_and_python_c(tmp_path):
    result = run(make_project(tmp_path), "-P", "-c", WHICH_RANDOM)
    outcome = (result.returncode, result.stdout.strip())
    assert outcome == (
        (0, "the standard library's random") if sys.version_info >= (3, 11) else (2, "")
    )


def test_pythonsafepath_and_a_script(tmp_path):
    project = make_project(tmp_path)
    result = run(project, "package_a/module_a.py", PYTHONSAFEPATH="1")
    assert json.loads(result.stdout) == ([] if sys.version_info >= (3, 11) else ["package_a"])
