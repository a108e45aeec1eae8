"""The note's `module_a` run both ways: same `__name__`, other `__package__`, `-m` runs `__init__`.

Both ways the running module is called `'__main__'`, so an `if __name__ == "__main__":` block runs
either way. A script is just a file: nothing imports `package_a`, so `package_a/__init__.py`
never runs and `__package__` is `None` (printed as `None`). `python -m package_a.module_a` must
import the package `package_a` before it can find `module_a` in it, so `package_a's init` is
printed first, and `__package__` is `'package_a'`. The note's table is right about all of this.
"""

import os
import subprocess
import sys

from pytest_katas import __

# The seed note's files, as it prints them.
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
    "package_b/__init__.py": 'print("package_b\'s init")\n',
    "package_b/module_b.py": """\
import sys

print(sys.path);
print("="*80)
print(__name__)
print(__package__)
print("this is package_b's module_b")
""",
}


def make_project(tmp_path):
    """The note's layout: project/package_a/... and project/package_b/..."""
    project = tmp_path / "project"
    for name, text in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    return project


def run(project, *args):
    """Run `python *args` inside project/ and return the lines it prints."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    result = subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def test_as_a_script_it_ends_with(tmp_path):
    lines = run(make_project(tmp_path), "package_a/module_a.py")
    assert lines[-3:] == __


def test_with_python_m_it_ends_with(tmp_path):
    lines = run(make_project(tmp_path), "-m", "package_a.module_a")
    assert lines[-3:] == __


def test_with_python_m_the_first_line_is(tmp_path):
    lines = run(make_project(tmp_path), "-m", "package_a.module_a")
    assert lines[0] == __


def test_as_a_script_the_package_init_runs_this_many_times(tmp_path):
    lines = run(make_project(tmp_path), "package_a/module_a.py")
    assert lines.count("package_a's init") == __
