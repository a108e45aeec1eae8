"""A script cannot import its sibling packages: only `-m` puts the project folder on `sys.path`.

`import package_b` searches `sys.path`. Run as a script, `sys.path[0]` is `project/package_a`,
which holds no `package_b`; under `python -m` it is the current folder `project/`, which does.
That is why "ModuleNotFoundError when I run the file, fine with -m" is so common. Putting
`project/` on `PYTHONPATH` also fixes the script (its entries come right after `sys.path[0]`), but
running with `-m` from the project folder is the usual answer.
"""

import os
import subprocess
import sys

from pytest_katas import __

FILES = {
    "package_a/__init__.py": "",
    "package_a/module_a.py": "import package_b\n\nprint('module_a imported package_b')\n",
    "package_b/__init__.py": 'print("package_b\'s init")\n',
}


def make_project(tmp_path):
    """project/package_a/{__init__,module_a}.py and project/package_b/__init__.py."""
    project = tmp_path / "project"
    for name, text in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    return project


def run(project, *args, **extra_env):
    """Run `python *args` inside project/; return the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True
    )


def last_line(text):
    """The last line of `text`: where a traceback names its exception."""
    return text.strip().splitlines()[-1]


def test_under_python_m_package_b_is_found(tmp_path):
    result = run(make_project(tmp_path), "-m", "package_a.module_a")
    assert result.stdout.splitlines() == ["package_b's init", "module_a imported package_b"]


def test_as_a_script_package_b_is_not_found(tmp_path):
    result = run(make_project(tmp_path), "package_a/module_a.py")
    assert last_line(result.stderr) == "ModuleNotFoundError: No module named 'package_b'"


def test_pythonpath_lets_the_script_find_it(tmp_path):
    project = make_project(tmp_path)
    result = run(project, "package_a/module_a.py", PYTHONPATH=str(project))
    assert result.stdout.splitlines() == ["package_b's init", "module_a imported package_b"]
