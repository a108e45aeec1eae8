"""`module_a` runs as `'__main__'` every way; its package comes from the name you run it by.

Both `python package_a/module_a.py` and `python -m package_a.module_a`, started in `project/`, run
the module as `'__main__'`, so an `if __name__ == "__main__":` block runs either way. A script is
just a file: nothing imports `package_a`, so `package_a/__init__.py` never runs and `__package__`
is `None` (printed as `None`). `python -m package_a.module_a` must import the package `package_a`
before it can find `module_a` in it, so `package_a's init` is printed first, and `__package__` is
`'package_a'`: the name given to `-m`, up to its last dot. The same file run as `python -m
module_a` from inside `package_a/` is a top-level module: no package to import, and `__package__`
is `''`. All of this holds on every version from 3.10 to 3.13.
"""

import os
import subprocess
import sys

from pytest_katas import __

# The package's __init__ says when it runs; the module prints sys.path, a rule, __name__,
# __package__ and a line of its own.
FILES = {
    "package_a/__init__.py": 'print("package_a\'s init")\n',
    "package_a/module_a.py": """\
import sys

print(sys.path);
print("="*80)
print(__name__)
print(__package__)
print("this is package_a's module_a")
""",
}


def make_project(tmp_path):
    """project/package_a/__init__.py and project/package_a/module_a.py."""
    project = tmp_path / "project"
    (project / "package_a").mkdir(parents=True)
    for name, text in FILES.items():
        (project / name).write_text(text)
    return project


def run(cwd, *args):
    """Run `python *args` in the folder `cwd`; return the lines it prints, all but sys.path's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}
    result = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return [line for line in result.stdout.splitlines() if not line.startswith("[")]


def test_as_a_script_from_the_project_folder(tmp_path):
    project = make_project(tmp_path)
    assert run(project, "package_a/module_a.py") == __


def test_with_python_m_from_the_project_folder(tmp_path):
    project = make_project(tmp_path)
    assert run(project, "-m", "package_a.module_a") == __


def test_with_python_m_from_inside_package_a(tmp_path):
    project = make_project(tmp_path)
    assert run(project / "package_a", "-m", "module_a") == __
