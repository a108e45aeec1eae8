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
import os
from dataclasses import dataclass
from pathlib import Path

from pytest_katas.i18n import Messages
from pytest_katas.installed import Curriculum

RECORD_FILE = ".pytest-katas-workspace.json"
FORMAT = "pytest-katas-workspace/1"

say = Messages(
    {
        "no-workspace": {
            "en": "{folder} is not in a pytest-katas workspace (no {file} there or above): "
            "run pytest-katas update inside the folder pytest-katas init wrote",
            "zh": "{folder} 不在 pytest-katas 工作区里（它和上层都没有 {file}）：请在 "
            "pytest-katas init 写出的文件夹里运行 pytest-katas update",
        },
        "unreadable": {
            "en": "{path} cannot be read as a workspace record ({error}); run pytest-katas init "
            "in a new folder and copy your katas over",
            "zh": "{path} 无法作为工作区记录读取（{error}）；请在新文件夹里运行 pytest-katas init，"
            "再把你的练习复制过去",
        },
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
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError(f"not {FORMAT}")
            katas, files = data["katas"], data["files"]
            if not all(isinstance(part, dict) for part in (katas, files)):
                raise ValueError("katas and files must be tables")
            return cls(str(data["version"]), str(data["digest"]), dict(katas), dict(files))
        except (OSError, ValueError, KeyError) as error:
            raise WorkspaceError(say("unreadable", path=path, error=error)) from None

    def write(self, root: Path) -> None:
        """Write the record at `root`, replacing the one there at once. Raises OSError."""
        data = {
            "format": FORMAT,
            "version": self.version,
            "digest": self.digest,
            "katas": self.katas,
            "files": self.files,
        }
        path = root / RECORD_FILE
        partial = path.with_name(f"{RECORD_FILE}.{os.getpid()}.tmp")
        partial.write_text(
            json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
        os.replace(partial, path)


def find_workspace(start: Path) -> Path:
    """The workspace's root: the nearest folder at or above `start` that holds the record.
    Raises WorkspaceError when there is none."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / RECORD_FILE).is_file():
            return folder
    raise WorkspaceError(say("no-workspace", folder=start, file=RECORD_FILE))
