"""The learner's progress, kept between runs in pytest's cache.

Everything is keyed by kata id, so a kata that a later release renames, moves or reorders keeps what
the learner did: which steps passed, how many hints were shown, and when it first passed (which is
what unlocks its solution). The state file is checked when it is read: a file that is not valid JSON
is set aside (never deleted) and progress starts afresh; an entry that does not make sense is
dropped on its own. Either way the learner is told in one line, and the run carries on.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from pytest_katas.catalog import Kata
from pytest_katas.i18n import Messages

say = Messages(
    {
        "unreadable": {
            "en": "{path} could not be read ({error}); progress from this run will be saved when "
            "the file is readable again",
            "zh": "无法读取 {path}（{error}）；等这个文件可以读取了，本次的进度才会保存",
        },
        "not-json": {"en": "is not valid JSON ({error})", "zh": "不是有效的 JSON（{error}）"},
        "wrong-schema": {
            "en": "is not a schema-{schema} progress file",
            "zh": "不是第 {schema} 版格式的进度文件",
        },
        "no-katas": {"en": 'has no "katas" table', "zh": '缺少 "katas" 表'},
        "dropped": {
            "en": "{path}: the entries for {ids} did not make sense and were reset; every other "
            "kata keeps its progress",
            "zh": "{path}：{ids} 的记录有误，已经重置；其他练习的进度都还在",
        },
        "set-aside": {
            "en": "{path} {what}; it was kept as {backup} and progress starts afresh from this run",
            "zh": "{path} {what}；原文件已另存为 {backup}，进度从本次运行重新开始记录",
        },
        "starts-afresh": {
            "en": "{path} {what}; progress starts afresh from this run",
            "zh": "{path} {what}；进度从本次运行重新开始记录",
        },
        "no-cache": {
            "en": "pytest-katas keeps your progress in pytest's cache: drop -p no:cacheprovider "
            "(or add -p no:katas to run without the plugin)",
            "zh": "pytest-katas 把你的进度保存在 pytest 的缓存里：请去掉 -p no:cacheprovider"
            "（或者加上 -p no:katas，不用插件来运行）",
        },
        "not-written": {
            "en": "{path} could not be written ({error}); this run's progress was not saved",
            "zh": "无法写入 {path}（{error}）；本次运行的进度没有保存",
        },
    }
)

STATE_SCHEMA = 1
STATE_FILE = "progress.json"
CACHE_FOLDER = "katas"


@dataclass
class KataRecord:
    steps: dict[str, bool] = field(default_factory=dict)
    hints_used: int = 0
    first_passed: str | None = None
    """When the kata first passed (ISO 8601, UTC): from then on its solution is unlocked."""

    def to_json(self) -> dict[str, Any]:
        return {
            "steps": self.steps,
            "hints_used": self.hints_used,
            "first_passed": self.first_passed,
        }

    @classmethod
    def from_json(cls, data: Any) -> KataRecord | None:
        if not isinstance(data, dict):
            return None
        steps, hints_used = data.get("steps", {}), data.get("hints_used", 0)
        first_passed = data.get("first_passed")
        if not isinstance(steps, dict) or not all(
            isinstance(name, str) and isinstance(passed, bool) for name, passed in steps.items()
        ):
            return None
        if not isinstance(hints_used, int) or isinstance(hints_used, bool) or hints_used < 0:
            return None
        if first_passed is not None and not isinstance(first_passed, str):
            return None
        return cls(dict(steps), hints_used, first_passed)


@dataclass(frozen=True)
class KataStatus:
    passed_steps: int
    total_steps: int
    started: bool
    unlocked: bool

    @property
    def passed(self) -> bool:
        return self.total_steps > 0 and self.passed_steps == self.total_steps


@dataclass
class Progress:
    katas: dict[str, KataRecord] = field(default_factory=dict)

    def record(self, kata_id: str) -> KataRecord:
        return self.katas.setdefault(kata_id, KataRecord())

    def status(self, kata: Kata) -> KataStatus:
        record = self.katas.get(kata.id, KataRecord())
        steps = kata.steps or tuple(record.steps)
        passed = sum(1 for step in steps if record.steps.get(step) is True)
        return KataStatus(passed, len(steps), bool(record.steps), record.first_passed is not None)

    def merge(self, katas: Iterable[Kata], results: Mapping[str, Mapping[str, bool]]) -> list[Kata]:
        """Take in one run's step results; return the katas that passed for the first time."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        first_passes = []
        for kata in katas:
            if kata.id not in results:
                continue
            record = self.record(kata.id)
            record.steps.update(results[kata.id])
            if kata.steps:
                record.steps = {
                    step: record.steps[step] for step in kata.steps if step in record.steps
                }
            if record.first_passed is None and self.status(kata).passed:
                record.first_passed = now
                first_passes.append(kata)
        return first_passes

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": STATE_SCHEMA,
            "katas": {kata_id: record.to_json() for kata_id, record in sorted(self.katas.items())},
        }


class ProgressStore:
    """Reads and writes the progress file in pytest's cache folder."""

    def __init__(self, directory: Path, display: str) -> None:
        self.path = directory / STATE_FILE
        self.display = display
        """The file as the learner can find it (relative to the repository root)."""

    @classmethod
    def for_config(cls, config: pytest.Config) -> ProgressStore:
        if config.pluginmanager.is_blocked("cacheprovider"):
            raise pytest.UsageError(say("no-cache"))
        cache: pytest.Cache | None = getattr(config, "cache", None)
        if cache is None:
            cache = pytest.Cache.for_config(config, _ispytest=True)
        directory = cache.mkdir(CACHE_FOLDER)
        try:
            display = directory.relative_to(config.rootpath).as_posix()
        except ValueError:
            display = str(directory)
        return cls(directory, f"{display}/{STATE_FILE}")

    def load(self) -> tuple[Progress, list[str]]:
        """The stored progress, and a one-line warning for anything that had to be set aside."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Progress(), []
        except OSError as error:
            return Progress(), [say("unreadable", path=self.display, error=error.strerror)]
        try:
            data = json.loads(text)
        except ValueError as error:
            return Progress(), [self._set_aside(say("not-json", error=error))]
        if not isinstance(data, dict) or data.get("schema") != STATE_SCHEMA:
            return Progress(), [self._set_aside(say("wrong-schema", schema=STATE_SCHEMA))]
        katas = data.get("katas")
        if not isinstance(katas, dict):
            return Progress(), [self._set_aside(say("no-katas"))]
        progress, dropped = Progress(), []
        for kata_id, entry in katas.items():
            record = KataRecord.from_json(entry)
            if record is None:
                dropped.append(str(kata_id))
            else:
                progress.katas[str(kata_id)] = record
        warnings = []
        if dropped:
            warnings.append(say("dropped", path=self.display, ids=", ".join(sorted(dropped))))
        return progress, warnings

    def _set_aside(self, what: str) -> str:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        backup = self.path.with_name(f"{self.path.stem}.broken-{stamp}.json")
        try:
            os.replace(self.path, backup)
        except OSError:
            return say("starts-afresh", path=self.display, what=what)
        return say("set-aside", path=self.display, what=what, backup=backup.name)

    def save(self, progress: Progress) -> None:
        """Write atomically, so that an interrupted run never leaves half a file behind."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".progress-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(progress.to_json(), file, indent=2, ensure_ascii=False)
                file.write("\n")
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
