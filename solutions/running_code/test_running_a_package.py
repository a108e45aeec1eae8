"""`python -m package_a` imports the package, then runs its `package_a/__main__.py` as `__main__`.

A package name given to `-m` means "run this package's `__main__` submodule": `__init__.py` runs
first (it is an import), then `__main__.py` runs with `__name__ == '__main__'` and
`__package__ == 'package_a'`, so relative imports work in it. Without a `__main__.py` Python
still imports the package, then refuses to go on: it says why and exits with status 1. `python
package_a` (a folder *path*, no `-m`) also runs `__main__.py`, but as a top-level script: no
`__init__.py`, and `__package__` is `''`.
"""

import os
import subprocess
import sys

from pytest_katas import __

INIT = 'print("package_a\'s init")\n'
MAIN = "print(f'__main__.py runs: __name__={__name__!r} __package__={__package__!r}')\n"


def make_project(tmp_path, with_main=True):
    """project/package_a/__init__.py, and package_a/__main__.py unless with_main is False."""
    project = tmp_path / "project"
    (project / "package_a").mkdir(parents=True)
    (project / "package_a" / "__init__.py").write_text(INIT)
    if with_main:
        (project / "package_a" / "__main__.py").write_text(MAIN)
    return project


def run(project, *args):
    """Run `python *args` inside project/; return the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_"))}
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True
    )


def test_python_m_on_a_package(tmp_path):
    result = run(make_project(tmp_path), "-m", "package_a")
    assert result.stdout.splitlines() == [
        "package_a's init",
        "__main__.py runs: __name__='__main__' __package__='package_a'",
    ]


def test_without_a_main_module(tmp_path):
    result = run(make_project(tmp_path, with_main=False), "-m", "package_a")
    assert (result.returncode, result.stdout.splitlines()) == (1, ["package_a's init"])


def test_a_folder_path(tmp_path):
    result = run(make_project(tmp_path), "package_a")
    assert result.stdout.splitlines() == ["__main__.py runs: __name__='__main__' __package__=''"]
