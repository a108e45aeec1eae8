"""Relative imports count levels in the module's dotted name (`__package__`), not folders on disk.

`from . import helper` means "helper from my own package", and Python takes "my package" from
`__package__`: under `python -m package_a.module_a` it is `'package_a'`, so `.` is `package_a`.
Run as a script, `__package__` is `None`: there is no package to be relative to, and the import
fails with a plain `ImportError`, not `ModuleNotFoundError`, since no module was even looked for.
Each further dot drops the last part of `__package__`, and nothing lies above its first part:
`from .. import package_b` needs a `__package__` of two parts or more. Folders do not count: with
a `project/__init__.py` on disk, the climb still fails when you start in `project/` and run
`package_a.climb`. Started one folder higher as `python -m project.package_a.climb`, the same file
has `__package__ == 'project.package_a'`, and `..` is `project` (even without
`project/__init__.py`: a folder without one is imported as a namespace package).
"""

import os
import subprocess
import sys

from pytest_katas import __

FILES = {
    "__init__.py": "",  # project/ itself looks like a package on disk
    "package_a/__init__.py": "",
    "package_a/helper.py": "GREETING = 'hello from package_a.helper'\n",
    "package_a/module_a.py": "from . import helper\n\nprint(helper.GREETING)\n",
    "package_a/climb.py": "print(__package__)\nfrom .. import package_b\n\nprint(package_b.__name__)\n",
    "package_b/__init__.py": "",
}


def make_project(tmp_path):
    """project/__init__.py, project/package_a/{__init__,helper,module_a,climb}.py and
    project/package_b/__init__.py."""
    project = tmp_path / "project"
    for name, text in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    return project


def run(cwd, *args):
    """Run `python *args` in the folder `cwd`; return the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True)


def exception_name(stderr):
    """The name of the exception that ended the program: its traceback's last line, up to the colon."""
    return stderr.strip().splitlines()[-1].split(":")[0]


def test_the_relative_import_under_python_m(tmp_path):
    project = make_project(tmp_path)
    result = run(project, "-m", "package_a.module_a")
    assert result.stdout.strip() == "hello from package_a.helper"


def test_the_relative_import_in_a_script(tmp_path):
    project = make_project(tmp_path)
    result = run(project, "package_a/module_a.py")
    outcome = (result.returncode, result.stdout, exception_name(result.stderr))
    assert outcome == (1, "", "ImportError")


def test_two_dots_from_inside_the_project_folder(tmp_path):
    project = make_project(tmp_path)
    result = run(project, "-m", "package_a.climb")
    assert result.stdout.splitlines() == ["package_a"]


def test_two_dots_from_the_folder_above(tmp_path):
    make_project(tmp_path)
    result = run(tmp_path, "-m", "project.package_a.climb")
    assert result.stdout.splitlines() == ["project.package_a", "project.package_b"]
