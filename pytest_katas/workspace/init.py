"""`pytest-katas init [DIR]`: write a learner's workspace from the installed curriculum.

The workspace is the katas as shipped (katas/, with its manifests), a short README.md for the
learner, and the hidden record `update` merges from (`record.py`). Nothing else: a kata tree needs
no pytest configuration, and the reference solutions stay in the installed package, where
`pytest --solution` finds them once a kata has passed (`Layout.reference_of`).
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

from pytest_katas.catalog import CURRICULUM_FILE
from pytest_katas.i18n import N_, Messages, command_line
from pytest_katas.installed import KATAS, Curriculum, installed
from pytest_katas.workspace.record import RECORD_FILE, WorkspaceError, WorkspaceRecord

README = "README.md"

say = Messages(
    {
        "description": N_(
            "Write a workspace of katas to solve: the katas of this pytest-katas, a short "
            "README.md, and a hidden record that pytest-katas update merges from."
        ),
        "help-dir": N_("the folder to write it in (made if needed; default: the current folder)"),
        "has-workspace": N_(
            "{folder} already holds a workspace ({file}): carry on there, or run "
            "{pytest_katas} update there after upgrading pytest-katas"
        ),
        "inside-tree": N_(
            "{folder} is inside the kata tree at {root}: a workspace cannot hold another "
            "(pytest would run both); choose a folder outside it"
        ),
        "has-katas": N_(
            "{folder} already holds a {katas}/ folder: choose another folder, such as "
            "{pytest_katas} init katas-workspace"
        ),
        "not-a-folder": N_("{folder} is a file, not a folder: give {pytest_katas} init a folder"),
        "not-written": N_(
            "{folder} could not be written ({error}): choose a folder you can write in"
        ),
        "no-curriculum": N_(
            "this installation of pytest-katas has no katas (pytest_katas/curriculum.json is "
            "missing): reinstall it with pip install --force-reinstall pytest-katas"
        ),
        "written": N_("Wrote {count} katas of pytest-katas {version} in {folder}."),
        "next": N_("Next: {command}"),
        "readme": N_("""# Katas: how Python works underneath

Each kata is a failing test module in a topic folder of `katas/`. Fill in the blanks (`__`), or
write the function whose body is `__`, until the kata passes.

| command | what you get |
|---|---|
| `{pytest} katas/` | every kata, your progress, and the kata to work on next |
| `{pytest} --hint` | the next hint for the kata you are on |
| `{pytest} --solution` | once a kata has passed: your answers beside the reference's |
| `{pytest} --watch katas/` | the katas again each time you save one |

Your progress is kept in `katas-progress.json` here. After upgrading pytest-katas, run
`{pytest_katas} update` here (`{pytest_katas} update --dry-run` shows what it would change first):
your answers are kept, the katas that changed are merged, new katas appear.

Made by pytest-katas {version}; keep the hidden file `{record}`, which `update` needs.
"""),
    }
)


def define(command: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    """`pytest-katas init [DIR]`: adds its arguments to `command`; returns what runs it."""
    command.description = say("description")
    command.add_argument("folder", metavar="DIR", nargs="?", default=".", help=say("help-dir"))
    return run


def run(options: argparse.Namespace) -> int:
    """Write the workspace in `options.folder`, print what was written and the next command;
    exit status 0. A folder that cannot be a workspace: one line on stderr, exit status 1."""
    typed = os.path.normpath(str(options.folder))
    # the current folder by its name: "." would say little in a message
    folder = Path.cwd() if typed == "." else Path(typed)
    try:
        curriculum = installed()
        if curriculum is None:
            raise WorkspaceError(say("no-curriculum"))
        count = write_workspace(folder, curriculum)
    except WorkspaceError as error:
        print(f"pytest-katas init: {error}", file=sys.stderr)
        return 1
    print(say("written", count=count, version=curriculum.version, folder=folder))
    print(say("next", command=next_command(typed)))
    return 0


def write_workspace(folder: Path, curriculum: Curriculum) -> int:
    """Write the workspace of `curriculum` in `folder` (made if needed); return how many katas.
    Raises WorkspaceError, before writing anything, when `folder` is a file, holds a workspace
    or a katas/ folder already, lies inside a kata tree (a workspace or a repository), or cannot
    be written."""
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError(say("not-a-folder", folder=folder))
    if (folder / RECORD_FILE).exists():
        raise WorkspaceError(say("has-workspace", folder=folder, file=RECORD_FILE))
    if (folder / KATAS).exists():
        raise WorkspaceError(say("has-katas", folder=folder, katas=KATAS))
    for above in folder.resolve().parents:
        if (above / RECORD_FILE).exists() or (above / KATAS / CURRICULUM_FILE).is_file():
            raise WorkspaceError(say("inside-tree", folder=folder, root=above))
    record = WorkspaceRecord.of(curriculum)
    try:
        for name, text in record.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        readme = folder / README
        if not readme.exists():  # a folder of the learner's own keeps its README
            readme.write_text(
                say("readme", version=curriculum.version, record=RECORD_FILE), encoding="utf-8"
            )
        record.write(folder)
    except OSError as error:
        raise WorkspaceError(say("not-written", folder=folder, error=error.strerror)) from None
    return len(record.katas)


def next_command(typed: str) -> str:
    """The command that runs the katas of the workspace at `typed` (the folder as given, from
    where the command was run): `cd DIR && pytest katas/`, or `pytest katas/` for `.`."""
    run_katas = f"{command_line('pytest')} {KATAS}/"
    return run_katas if typed == "." else f"cd {shlex.quote(typed)} && {run_katas}"
