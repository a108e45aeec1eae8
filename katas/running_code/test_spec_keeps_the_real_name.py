"""Under `python -m` the module is called `__main__`, but its `__spec__` keeps its real name.

`python -m package_a.module_a` imports `package_a`, then runs `module_a` under the name
`'__main__'` so that `if __name__ == "__main__":` works; `__spec__.name` still says
`'package_a.module_a'`. A script has no import behind it, so its `__spec__` is `None`. An imported
module's `__name__` is its dotted name, and a module body runs once per name: the module run
under `-m` counts as `'__main__'` only, so an `import package_a.module_a` made while it runs (by
itself, or by a module it imports) does not find it and runs the file a second time, as a
different module with its own globals.
"""

import json
import os
import subprocess
import sys

from pytest_katas import __

MODULE_A = """\
import json

print(json.dumps({
    "__name__": __name__,
    "__spec__.name": None if __spec__ is None else __spec__.name,
}))
"""


# Prints its __name__, then, when run as the main module, imports itself by its real name.
TWICE = """\
print(__name__)
if __name__ == "__main__":
    import package_a.twice
"""


def make_project(tmp_path):
    """project/package_a/__init__.py (empty), project/package_a/module_a.py and twice.py."""
    project = tmp_path / "project"
    (project / "package_a").mkdir(parents=True)
    (project / "package_a" / "__init__.py").write_text("")
    (project / "package_a" / "module_a.py").write_text(MODULE_A)
    (project / "package_a" / "twice.py").write_text(TWICE)
    return project


def run(project, *args):
    """Run `python *args` inside project/ and return the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, check=True
    )


def report(project, *args):
    """Run `python *args` inside project/ and return what module_a reports."""
    return json.loads(run(project, *args).stdout)


def test_a_scripts_spec(tmp_path):
    seen = report(make_project(tmp_path), "package_a/module_a.py")
    assert seen["__spec__.name"] == __


def test_the_spec_name_under_python_m(tmp_path):
    seen = report(make_project(tmp_path), "-m", "package_a.module_a")
    assert seen["__spec__.name"] == __


def test_the_name_under_python_m(tmp_path):
    seen = report(make_project(tmp_path), "-m", "package_a.module_a")
    assert seen["__name__"] == __


def test_importing_the_running_module_by_its_real_name(tmp_path):
    result = run(make_project(tmp_path), "-m", "package_a.twice")
    assert result.stdout.splitlines() == __
