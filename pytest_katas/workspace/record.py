"""The hidden record of a learner's workspace, `.pytest-katas-workspace.json` at its root.

It holds what `pytest-katas init` (or the last `update`) wrote: the version of pytest-katas and the
digest of its katas, each kata's id with its path, and every file of katas/ as shipped then (never
a solution). `pytest-katas update` merges from it: it is the base between the learner's files and
the new release's. JSON, with sorted keys:

    {"format": "pytest-katas-workspace/1", "version": "0.1.0", "digest": "sha256:…",
     "katas": {"send-is-two-way": "katas/generators/test_send.py", …},
     "files": {"katas/curriculum.toml": "…", "katas/generators/test_send.py": "…", …}}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from pytest_katas.atomic import write_text_atomically
from pytest_katas.catalog import Kata
from pytest_katas.i18n import N_, Messages
from pytest_katas.installed import Curriculum, installed

RECORD_FILE = ".pytest-katas-workspace.json"
FORMAT = "pytest-katas-workspace/1"
FIELDS = ("version", "digest", "katas", "files")

say = Messages(
    {
        "no-workspace": N_(
            "{folder} is not in a pytest-katas workspace (no {file} there or above): "
            "run {pytest_katas} update inside the folder {pytest_katas} init wrote"
        ),
        "unreadable": N_(
            "{path} cannot be read as a workspace record ({error}); run {pytest_katas} init "
            "in a new folder and copy your katas over"
        ),
        "not-utf8": N_("it is not UTF-8 text"),
        "not-json": N_("it is not valid JSON: {error}"),
        "wrong-format": N_("it is not a {format} file"),
        "no-field": N_('it has no "{field}" field'),
        "not-tables": N_('its "katas" and "files" must be tables'),
        "behind": N_(
            "your katas are those of pytest-katas {old}, and {new} is installed: run "
            "{pytest_katas} update to bring them up to date (your answers and progress are kept)"
        ),
        "differs": N_(
            "your katas are not those of the installed pytest-katas {new}: run "
            "{pytest_katas} update to bring them up to date (your answers and progress are kept)"
        ),
    }
)


class WorkspaceError(Exception):
    """A problem the learner can fix: its message is one line that names the file."""


@dataclass(frozen=True)
class WorkspaceRecord:
    """What a workspace was written from (see the module's docstring)."""

    version: str
    digest: str
    katas: dict[str, str]
    """Each kata's id → its path from the workspace's root."""
    files: dict[str, str]
    """Each file of katas/ as shipped: path from the root → text."""

    @classmethod
    def of(cls, curriculum: Curriculum) -> WorkspaceRecord:
        """The record of a workspace written from `curriculum`."""
        return cls(
            curriculum.version,
            curriculum.digest,
            dict(curriculum.kata_paths),
            dict(curriculum.kata_files),
        )

    @classmethod
    def read(cls, root: Path) -> WorkspaceRecord:
        """The record at `root`. Raises WorkspaceError when it cannot be read or is not one."""
        path = root / RECORD_FILE

        def unreadable(why: str) -> WorkspaceError:
            return WorkspaceError(say("unreadable", path=path, error=why))

        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
        except OSError as error:
            raise unreadable(error.strerror or type(error).__name__) from None
        except UnicodeDecodeError:
            raise unreadable(say("not-utf8")) from None
        except ValueError as error:
            raise unreadable(say("not-json", error=error)) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise unreadable(say("wrong-format", format=FORMAT))
        missing = [name for name in FIELDS if name not in data]
        if missing:
            raise unreadable(say("no-field", field=missing[0]))
        katas, files = data["katas"], data["files"]
        if not (isinstance(katas, dict) and isinstance(files, dict)):
            raise unreadable(say("not-tables"))
        return cls(str(data["version"]), str(data["digest"]), dict(katas), dict(files))

    def shipped(self, kata_id: str, path: str) -> str | None:
        """The kata `kata_id` as shipped at `path` (from the workspace's root), or None when the
        record has no such kata there."""
        return self.files.get(path) if self.katas.get(kata_id) == path else None

    def write(self, root: Path) -> None:
        """Write the record at `root`, replacing the one there at once. Raises OSError."""
        data = {
            "format": FORMAT,
            "version": self.version,
            "digest": self.digest,
            "katas": self.katas,
            "files": self.files,
        }
        text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        write_text_atomically(root / RECORD_FILE, text)


def find_workspace(start: Path) -> Path:
    """The workspace's root: the nearest folder at or above `start` that holds the record.
    Raises WorkspaceError when there is none."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / RECORD_FILE).is_file():
            return folder
    raise WorkspaceError(say("no-workspace", folder=start, file=RECORD_FILE))


def tree_root_of(kata: Kata) -> Path:
    """The root of the kata tree that holds `kata`: the folder of its katas/ folder."""
    return kata.path.parents[len(PurePosixPath(kata.relpath).parts)]


@dataclass(frozen=True)
class ShippedInWorkspace:
    """A kata of a learner's workspace as its record says it was shipped (`text`, None when the
    record does not know the kata)."""

    text: str | None


def shipped_in_workspace(kata: Kata) -> ShippedInWorkspace | None:
    """`kata` as shipped in the workspace that holds it, None when its tree is not a workspace
    (or its record cannot be read: then the package's record is the best there is). In a
    workspace "as shipped" is what the learner got, not what the installed pytest-katas ships:
    after an upgrade and before `pytest-katas update`, the katas are still the old release's."""
    root = tree_root_of(kata)
    record = workspace_record_at(root)
    if record is None:
        return None
    return ShippedInWorkspace(record.shipped(kata.id, kata.path.relative_to(root).as_posix()))


def workspace_record_at(root: Path) -> WorkspaceRecord | None:
    """The record at the kata tree root `root`, None when there is none or it cannot be read.
    Read again only when the file changes (a learner run asks once per kata)."""
    found = _record_or_error(root)
    return found if isinstance(found, WorkspaceRecord) else None


def _record_or_error(root: Path) -> WorkspaceRecord | WorkspaceError | None:
    try:
        mtime_ns = (root / RECORD_FILE).stat().st_mtime_ns
    except OSError:
        return None
    return _read_cached(root, mtime_ns)


@lru_cache(maxsize=4)
def _read_cached(root: Path, mtime_ns: int) -> WorkspaceRecord | WorkspaceError:
    try:
        return WorkspaceRecord.read(root)
    except WorkspaceError as error:
        return error


def release_notice(root: Path) -> str | None:
    """One line for a learner whose workspace at `root` was written from another release than
    the installed one (upgraded, not yet updated): what to run; or why its record cannot be
    read (its katas are then judged as the installed release ships them). None when `root` is
    not a workspace, or its katas are the installed release's."""
    record = _record_or_error(root)
    if isinstance(record, WorkspaceError):
        return str(record)
    curriculum = None if record is None else installed()
    if record is None or curriculum is None or curriculum.digest == record.digest:
        return None
    if record.version == curriculum.version:
        return say("differs", new=curriculum.version)
    return say("behind", old=record.version, new=curriculum.version)
