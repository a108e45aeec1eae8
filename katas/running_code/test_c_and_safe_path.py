"""`python -c` puts `''` (the current folder) first on `sys.path`; `-P` (3.11+) puts nothing there.

With `-c` (and in the interactive prompt) there is no file, so `sys.path[0]` is the empty string,
which the import system reads as "the current folder". Whatever Python puts first on `sys.path`
(the script's folder, the current folder or `''`) can shadow the standard library: a stray
`random.py` beside your script is imported instead of the real one. Python 3.11 added `-P` and
the environment variable `PYTHONSAFEPATH=1` to leave that first entry out. Python 3.10 does not
know them: it rejects `-P` as an unknown option (exit status 2) and ignores the variable.
"""

import json
import os
import subprocess
import sys

from pytest_katas import __

MODULE_A = """\
import json
import os
import sys

print(json.dumps(os.path.dirname(__file__) in sys.path))
"""


def make_project(tmp_path):
    """project/package_a/__init__.py (empty) and project/package_a/module_a.py."""
    project = tmp_path / "project"
    (project / "package_a").mkdir(parents=True)
    (project / "package_a" / "__init__.py").write_text("")
    (project / "package_a" / "module_a.py").write_text(MODULE_A)
    return project


def run(project, *args, **extra_env):
    """Run `python *args` inside project/; return the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True
    )


def test_python_c_puts_the_empty_string_first(tmp_path):
    result = run(make_project(tmp_path), "-c", "import json, sys; print(json.dumps(sys.path[0]))")
    assert json.loads(result.stdout) == __


def test_pythonsafepath_keeps_the_scripts_folder_off_sys_path(tmp_path):
    result = run(make_project(tmp_path), "package_a/module_a.py", PYTHONSAFEPATH="1")
    folder_on_path = json.loads(result.stdout)
    assert folder_on_path == (__ if sys.version_info >= (3, 11) else __)


def test_minus_p_needs_python_3_11(tmp_path):
    result = run(make_project(tmp_path), "-P", "-c", "import sys; print('' in sys.path)")
    outcome = (result.returncode, result.stdout.strip())
    assert outcome == (__ if sys.version_info >= (3, 11) else __)
