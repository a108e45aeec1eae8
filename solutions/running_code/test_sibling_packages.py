"""A script sees the modules beside it, not its sibling packages: `-m` puts `project/` on the path.

`import NAME` looks for NAME in each folder of `sys.path`. Run as a script, `sys.path[0]` is
`project/package_a`: the `helper.py` there can be imported as a top-level module `helper`, while
`package_b`, and even `package_a` itself, cannot, since the folder that holds them is not on the
path. Under `python -m package_a.module_a`, started in `project/`, `sys.path[0]` is `project/`:
both packages are found, and `helper` only by its full name `package_a.helper`. That is why
"ModuleNotFoundError when I run the file, fine with -m" is so common. Putting `project/` on
`PYTHONPATH` also lets the script import the packages (its entries come right after
`sys.path[0]`), but then the same `helper.py` can be imported under two names, as two separate
modules; running with `-m` from the project folder is the usual answer.
"""

import json
import os
import subprocess
import sys

from pytest_katas import __

# Tries to import each name, and prints the names that it could import.
PROBE = """\
import importlib
import json

importable = []
for name in ("helper", "package_a", "package_b"):
    try:
        importlib.import_module(name)
    except ModuleNotFoundError:
        continue
    importable.append(name)
print(json.dumps(importable))
"""

FILES = {
    "package_a/__init__.py": "",
    "package_a/helper.py": "",
    "package_a/module_a.py": PROBE,
    "package_b/__init__.py": "",
}


def make_project(tmp_path):
    """project/package_a/{__init__,helper,module_a}.py and project/package_b/__init__.py."""
    project = tmp_path / "project"
    for name, text in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    return project


def importable(project, *args, **extra_env):
    """Run `python *args` inside project/; return the names module_a could import."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}
    env.update(extra_env)
    result = subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_under_python_m(tmp_path):
    project = make_project(tmp_path)
    assert importable(project, "-m", "package_a.module_a") == ["package_a", "package_b"]


def test_as_a_script(tmp_path):
    project = make_project(tmp_path)
    assert importable(project, "package_a/module_a.py") == ["helper"]


def test_as_a_script_with_the_project_on_pythonpath(tmp_path):
    project = make_project(tmp_path)
    assert importable(project, "package_a/module_a.py", PYTHONPATH=str(project)) == [
        "helper",
        "package_a",
        "package_b",
    ]
