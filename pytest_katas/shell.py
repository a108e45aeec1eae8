"""How the learner's shell starts this installation's commands, so every printed command works as
printed.

A learner may run an environment's pytest without activating it (`.venv/bin/pytest katas/`), or
have another pytest first on PATH; a printed `pytest --hint` would then run the wrong pytest, or
none. Messages write `{pytest}` and `{pytest_katas}` where a command starts (see `i18n.Messages`),
and get the names from here.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import sysconfig
from functools import cache
from pathlib import Path


@cache
def pytest_command() -> str:
    """How to start this installation's pytest from a shell: `pytest` when that is the one on
    PATH; else its script's full path (an environment that is not activated, a pipx one); else
    `PYTHON -m pytest`."""
    return _command("pytest") or f"{shlex.quote(sys.executable)} -m pytest"


@cache
def pytest_katas_command() -> str:
    """How to start this installation's `pytest-katas` (as `pytest_command`); else
    `PYTHON -m pytest_katas.cli`."""
    return _command("pytest-katas") or f"{shlex.quote(sys.executable)} -m pytest_katas.cli"


def _command(name: str) -> str | None:
    script = Path(sysconfig.get_path("scripts")) / (f"{name}.exe" if os.name == "nt" else name)
    if not script.is_file():
        return None
    found = shutil.which(name)
    if found is not None and Path(found).resolve() == script.resolve():
        return name
    return shlex.quote(str(script))


COMMANDS = {"pytest": pytest_command, "pytest_katas": pytest_katas_command}
"""Each placeholder a message may use for a command, and what fills it in."""
