"""`pytest-katas update [--dry-run] [DIR]`: bring a workspace to the installed curriculum.

Each file of the new release's katas/ is paired with the learner's by kata id (a renamed or moved
kata keeps its id; any other file by its path), and with the file as shipped in the learner's
version (the workspace record, `record.py`):

- untouched by the learner (still as shipped then): replaced by the new one, moved if it moved;
- touched, and changed by the release: merged three ways (`merge.py`: base as shipped then, the
  learner's, the new), so filled blanks and written functions stay wherever the release did not
  change those lines or statements; where both changed one statement, the release's is taken,
  the learner's file is kept as a backup beside it (`<file>.<UTC time>.bak`, never collected)
  and the learner is told;
- touched, and unchanged by the release: left as it is;
- new in the release: written; gone from it: removed when untouched, else set aside as a backup.

Progress (katas-progress.json) is keyed by kata id, so it is left as it is. Then the record is
the new release's. `--dry-run` says the same and writes nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pytest_katas.i18n import N_, Messages
from pytest_katas.installed import KATAS, Curriculum, installed
from pytest_katas.workspace.init import next_command
from pytest_katas.workspace.merge import merge
from pytest_katas.workspace.record import (
    RECORD_FILE,
    WorkspaceError,
    WorkspaceRecord,
    find_workspace,
)

say = Messages(
    {
        "description": N_(
            "After upgrading pytest-katas: bring the katas of a workspace written by "
            "pytest-katas init to the new release, merging your answers into the katas that "
            "changed. Your progress is kept."
        ),
        "help-dir": N_("a folder of the workspace (default: the current folder)"),
        "help-dry-run": N_("say what would change, and write nothing"),
        "no-curriculum": N_(
            "this installation of pytest-katas has no katas (pytest_katas/curriculum.json is "
            "missing): reinstall it with pip install --force-reinstall pytest-katas"
        ),
        "up-to-date": N_(
            "The katas in {folder} are those of pytest-katas {version} already: nothing to update."
        ),
        "heading": N_("Updating the katas in {folder} from pytest-katas {old} to {new}:"),
        "repair-heading": N_(
            "The katas in {folder} are those of pytest-katas {new}; putting back what is missing:"
        ),
        "dry-heading": N_(
            "pytest-katas update would change the katas in {folder} from pytest-katas {old} "
            "to {new} (dry run: nothing is written):"
        ),
        "added": N_("  {path}: new"),
        "replaced": N_("  {path}: replaced by the new release's (you had not changed it)"),
        "moved": N_("  {path}: moved here from {old} (same kata)"),
        "merged": N_("  {path}: the new release merged with your answers"),
        "merged-moved": N_(
            "  {path}: moved here from {old}, the new release merged with your answers"
        ),
        "conflict": N_(
            "  {path}: the new release changed lines you had changed too: the new kata is "
            "in place, your version is kept as {backup}"
        ),
        "conflict-kept": N_(
            "  {path}: the new release changed statements you had changed too: those are as "
            "it has them, your other answers are kept; your version is kept as {backup}"
        ),
        "dry-conflict": N_(
            "  {path}: the new release changed lines you had changed too: the new kata would be "
            "put in place, your version kept as {backup}"
        ),
        "dry-conflict-kept": N_(
            "  {path}: the new release changed statements you had changed too: those would be as "
            "it has them, your other answers kept, your version kept as {backup}"
        ),
        "dry-restored": N_("  {path}: would be put back (it is missing)"),
        "restored": N_("  {path}: put back (it was missing)"),
        "removed": N_("  {path}: removed (not in the new release; you had not changed it)"),
        "removed-kept": N_("  {path}: not in the new release; your version is kept as {backup}"),
        "nothing": N_("  nothing in your katas changes"),
        "done": N_(
            "Your katas are those of pytest-katas {version} now; your progress is kept. "
            "Next: {command}"
        ),
        "dry-done": N_("Nothing was written. To do it: {pytest_katas} update"),
        "not-written": N_(
            "{path} could not be written ({error}); nothing after it was changed: fix that "
            "and run {pytest_katas} update again"
        ),
    }
)


@dataclass(frozen=True)
class Change:
    """One file's change: the message key (`say`) that tells it, the file's path from the
    workspace's root (`path`), and what it takes: `write` (the new text of `path`), `backup`
    (the learner's file at `old`, copied to this path first), `delete` (a path removed last)."""

    key: str
    path: str
    old: str | None = None
    write: str | None = None
    backup: str | None = None
    delete: str | None = None


def define(command: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    """`pytest-katas update [--dry-run] [DIR]`: adds its arguments; returns what runs it."""
    command.description = say("description")
    command.add_argument("--dry-run", action="store_true", help=say("help-dry-run"))
    command.add_argument("folder", metavar="DIR", nargs="?", default=".", help=say("help-dir"))
    return run


def run(options: argparse.Namespace) -> int:
    """Update the workspace at or above `options.folder` (see the module's docstring), or with
    `options.dry_run` only say how; exit status 0. No workspace there, a record that cannot be
    read, or a file that cannot be written: one line on stderr, exit status 1."""
    try:
        root = find_workspace(Path(options.folder))
        record = WorkspaceRecord.read(root)
        curriculum = installed()
        if curriculum is None:
            raise WorkspaceError(say("no-curriculum"))
        relative = os.path.relpath(root)  # from where it was run, as the next command needs
        shown = str(root) if relative == "." else relative  # "." would say little
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        changes = plan(root, record, curriculum, stamp)
        same = record.digest == curriculum.digest
        if same and not changes:
            print(say("up-to-date", folder=shown, version=curriculum.version))
            return 0
        # the same release: only katas the learner deleted are put back
        heading = "dry-heading" if options.dry_run else "repair-heading" if same else "heading"
        print(say(heading, folder=shown, old=record.version, new=curriculum.version))
        for change in changes:
            # a dry run says what would happen where a message tells what was done
            key = f"dry-{change.key}" if options.dry_run else change.key
            key = key if key in say.table else change.key
            print(say(key, path=change.path, old=change.old, backup=change.backup))
        if not changes:
            print(say("nothing"))
        if options.dry_run:
            print(say("dry-done"))
            return 0
        apply(root, changes)
        WorkspaceRecord.of(curriculum).write(root)
    except WorkspaceError as error:
        print(f"pytest-katas update: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # the record itself
        message = say("not-written", path=RECORD_FILE, error=error.strerror)
        print(f"pytest-katas update: {message}", file=sys.stderr)
        return 1
    command = next_command(relative)
    print(say("done", version=curriculum.version, command=command))
    return 0


def plan(root: Path, record: WorkspaceRecord, curriculum: Curriculum, stamp: str) -> list[Change]:
    """What updating the workspace at `root` from `record` to `curriculum` changes, file by file,
    in the new release's order (its katas in learner order, then its other files), then what it
    removes. `stamp` names the backups. Reads the learner's files; writes nothing."""
    new_files = curriculum.kata_files
    # every new file with the path it had in the learner's version: a kata by its id
    old_path = {path: path for path in new_files if path in record.files}
    for kata_id, path in curriculum.kata_paths.items():
        old_path.pop(path, None)
        was = record.katas.get(kata_id)
        if was is not None and was in record.files:
            old_path[path] = was
    katas = set(curriculum.kata_paths.values())
    ordered = [*curriculum.kata_paths.values(), *sorted(set(new_files) - katas)]
    changes = [
        change
        for path in ordered
        if path in new_files
        and (change := _change(root, path, old_path.get(path), record, new_files, stamp))
    ]
    kept = set(old_path.values()) | set(new_files)
    for path in sorted(set(record.files) - kept):
        theirs = _read(root / path)
        if theirs is None and not (root / path).exists():
            continue
        if theirs == record.files[path]:
            changes.append(Change("removed", path, delete=path))
        else:
            backup = f"{path}.{stamp}.bak"
            changes.append(Change("removed-kept", path, old=path, backup=backup, delete=path))
    return changes


def _change(
    root: Path,
    path: str,
    old: str | None,
    record: WorkspaceRecord,
    new_files: dict[str, str],
    stamp: str,
) -> Change | None:
    """The change of one file of the new release (`path`), whose path in the learner's version
    was `old` (None: new in this release). None: nothing to do."""
    new = new_files[path]
    backup = f"{path}.{stamp}.bak"
    if old is None:
        if not (root / path).exists():
            return Change("added", path, write=new)
        if _read(root / path) == new:
            return None
        # a file of the learner's own where the new kata goes
        return Change("conflict", path, old=path, write=new, backup=backup)
    if not (root / old).exists():
        return Change("restored", path, write=new)
    moved = old != path
    # the learner's file goes when the kata moved, unless a file of the release takes its place
    delete = old if moved and old not in new_files else None
    base, theirs = record.files[old], _read(root / old)
    if theirs == base:
        if new == base and not moved:
            return None
        return Change("moved" if moved else "replaced", path, old=old, write=new, delete=delete)
    if new == base and not moved:
        return None  # the learner's work, and nothing new to merge into it
    if theirs is None:  # not UTF-8: nothing of it can be merged
        return Change("conflict", path, old=old, write=new, backup=backup, delete=delete)
    merged = merge(base, theirs, new)
    if merged.conflicted:
        key = "conflict" if merged.text == new else "conflict-kept"
        return Change(key, path, old=old, write=merged.text, backup=backup, delete=delete)
    key = "merged-moved" if moved else "merged"
    return Change(key, path, old=old, write=merged.text, delete=delete)


def _read(path: Path) -> str | None:
    """The learner's file, or None when it is missing or not UTF-8 (nothing to merge)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def apply(root: Path, changes: list[Change]) -> None:
    """Make `changes` at `root`: every backup first, then every write, then every removal (a
    moved kata's old file, a removed kata's), then the topic folders left empty. Raises
    WorkspaceError, naming the file, at the first one that fails."""
    deletes = [change.delete for change in changes if change.delete is not None]
    current = ""
    try:
        for change in changes:
            if change.backup is not None and change.old is not None:
                current = change.backup
                shutil.copy2(root / change.old, root / change.backup)
        for change in changes:
            if change.write is not None:
                current = change.path
                (root / change.path).parent.mkdir(parents=True, exist_ok=True)
                (root / change.path).write_text(change.write, encoding="utf-8")
        written = {change.path for change in changes if change.write is not None}
        for path in deletes:
            if path not in written:
                current = path
                (root / path).unlink(missing_ok=True)
        for path in deletes:
            folder = (root / path).parent
            if folder != root / KATAS and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    except OSError as error:
        raise WorkspaceError(say("not-written", path=current, error=error.strerror)) from None
