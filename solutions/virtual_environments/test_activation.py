"""Activation only edits the shell: the scripts folder goes first on PATH and VIRTUAL_ENV is set.

`source myenv/bin/activate` (bash; `myenv\\Scripts\\activate` on Windows) changes no Python at
all: it prepends `myenv/bin` to `PATH`, so that a bare `python` or `pip` finds the venv's copy
first, exports `VIRTUAL_ENV` and `VIRTUAL_ENV_PROMPT`, adds the name to the prompt, and defines
a shell function `deactivate`, which puts all of that back. Running `myenv/bin/python` by its
path does the same job without activating. `VIRTUAL_ENV_PROMPT` changed in 3.13: it used to be
`"(myenv) "`, it is now the bare name `"myenv"`.
"""

import json
import os
import shutil
import subprocess
import sys
import venv

from pytest_katas import __

# A fixed PATH for the shell, so that nothing from the learner's own PATH leaks in.
BASE_PATH = "/usr/bin:/bin"

SHOW = (
    "import json, os, shutil; "
    "names = ('PATH', 'VIRTUAL_ENV', 'VIRTUAL_ENV_PROMPT'); "
    "seen = {name: os.environ.get(name) for name in names}; "
    "seen['python'] = shutil.which('python'); "
    "print(json.dumps(seen))"
)

# Show the environment, activate, show it again, deactivate, show it a third time.
SCRIPT = """
show() { "$SHOW_WITH" -c "$SHOW"; }
show
source "$ENV_DIR/bin/activate"
show
deactivate
show
"""


def make_venv(env_dir):
    """Make a venv without pip with this python, in-process, as `python -m venv --without-pip
    env_dir` would: its python is a symlink on POSIX, a copy on Windows."""
    venv.create(env_dir, with_pip=False, symlinks=os.name != "nt")


def activate_and_deactivate(env_dir):
    """Run SCRIPT in bash; return what `show` saw "before", "during" and "after" activation."""
    env = {"PATH": BASE_PATH, "ENV_DIR": str(env_dir), "SHOW_WITH": sys.executable, "SHOW": SHOW}
    result = subprocess.run(
        [shutil.which("bash"), "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    before, during, after = (json.loads(line) for line in result.stdout.splitlines())
    return {"before": before, "during": during, "after": after}


def test_path_while_active(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    shown = activate_and_deactivate(env_dir)
    assert shown["during"]["PATH"] == f"{env_dir}/bin:{BASE_PATH}"


def test_virtual_env_while_active(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    shown = activate_and_deactivate(env_dir)
    assert shown["during"]["VIRTUAL_ENV"] == str(env_dir)


def test_the_prompt_variable_while_active(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    shown = activate_and_deactivate(env_dir)
    assert shown["during"]["VIRTUAL_ENV_PROMPT"] == (
        "myenv" if sys.version_info >= (3, 13) else "(myenv) "
    )


def test_a_bare_python_while_active(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    shown = activate_and_deactivate(env_dir)
    assert shown["during"]["python"] == str(env_dir / "bin" / "python")


def test_after_deactivate(tmp_path):
    env_dir = tmp_path / "myenv"
    make_venv(env_dir)
    shown = activate_and_deactivate(env_dir)
    after = [shown["after"][name] for name in ("PATH", "VIRTUAL_ENV", "VIRTUAL_ENV_PROMPT")]
    assert after == ["/usr/bin:/bin", None, None]
