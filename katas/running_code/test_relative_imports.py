"""Relative imports need a package: they work under `python -m` and fail in a script.

`from . import helper` is resolved against `__package__`. Under `python -m package_a.module_a`,
`__package__` is `'package_a'`, so `.` means `package_a`. Run as a script, `__package__` is
`None`: there is no parent package to be relative to, and Python says so. Two dots go one
package up, but `package_a` is already the top: `project/` is only a folder on `sys.path`, not a
package, so `from .. import package_b` fails even under `-m`.
"""

import os
import subprocess
import sys

from pytest_katas import __

FILES = {
    "package_a/__init__.py": "",
    "package_a/helper.py": "GREETING = 'hello from package_a.helper'\n",
    "package_a/module_a.py": "from . import helper\n\nprint(helper.GREETING)\n",
    "package_a/climb.py": "from .. import package_b\n",
    "package_b/__init__.py": "",
}


def make_project(tmp_path):
    """project/package_a/{__init__,helper,module_a,climb}.py and project/package_b/__init__.py."""
    project = tmp_path / "project"
    for name, text in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    return project


def run(project, *args):
    """Run `python *args` inside project/; return the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True
    )


def last_line(text):
    """The last line of `text`: where a traceback names its exception."""
    return text.strip().splitlines()[-1]


def test_under_python_m_the_relative_import_works(tmp_path):
    result = run(make_project(tmp_path), "-m", "package_a.module_a")
    assert result.stdout.strip() == __


def test_as_a_script_the_relative_import_fails(tmp_path):
    result = run(make_project(tmp_path), "package_a/module_a.py")
    error = last_line(result.stderr)
    assert error == __


def test_two_dots_cannot_climb_above_the_top_package(tmp_path):
    result = run(make_project(tmp_path), "-m", "package_a.climb")
    error = last_line(result.stderr)
    assert error == __
