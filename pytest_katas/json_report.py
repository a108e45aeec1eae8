"""`pytest katas/ --kata-report=PATH`: the learner's progress as a JSON file, for a teacher or for
`katas-report` (see `html_report`).

The file's schema is versioned (`"schema": "pytest-katas-report/1"`) and described field by field
in docs/report-schema.md. It is written at the end of a learner's run, by the controller only (never
on an xdist worker), after the progress has been merged and saved, and atomically: a reader never
sees half a file. A path that cannot be written costs one warning line, never the learner's
progress. This module also reads such files back, checking every field, for `katas-report`.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from pytest_katas import __version__
from pytest_katas.catalog import Catalog
from pytest_katas.i18n import Messages, current_language
from pytest_katas.progress import Progress

SCHEMA_NAME = "pytest-katas-report"
SCHEMA_VERSION = 1
SCHEMA = f"{SCHEMA_NAME}/{SCHEMA_VERSION}"
PASSED, FAILING, NOT_STARTED = "passed", "failing", "not_started"
STATUSES = (PASSED, FAILING, NOT_STARTED)
DEFAULT_LEARNER = "learner"

say = Messages(
    {
        "not-written": {
            "en": "the kata report could not be written to {path} ({reason}); your progress is "
            "saved as usual",
            "zh": "无法写入练习报告 {path}（{reason}）；你的进度照常保存",
        },
        "not-an-object": {
            "en": "is not a pytest-katas report (not a JSON object)",
            "zh": "不是 pytest-katas 报告（不是 JSON 对象）",
        },
        "not-a-flag": {
            "en": "{where}: {name} must be true or false",
            "zh": "{where}：{name} 必须是 true 或 false",
        },
        "no-schema": {
            "en": 'is not a pytest-katas report (it has no "schema": "{schema}")',
            "zh": '不是 pytest-katas 报告（缺少 "schema": "{schema}"）',
        },
        "newer-schema": {
            "en": "was written by a newer pytest-katas (schema {found}; this one reads {schema}); "
            "upgrade pytest-katas to read it",
            "zh": "由更新版本的 pytest-katas 写成（格式 {found}；本版本读取 {schema}）；"
            "请升级 pytest-katas 后再读取",
        },
        "bad-field": {
            "en": "{where} has no valid {field} ({expected})",
            "zh": "{where}缺少有效的 {field}（应为{expected}）",
        },
        "the-file": {"en": "the report", "zh": "报告"},
        "kata-number": {"en": "kata #{number}", "zh": "第 {number} 个练习"},
        "topic-number": {"en": "topic #{number}", "zh": "第 {number} 个主题"},
        "a-string": {"en": "a string", "zh": "字符串"},
        "a-count": {"en": "a whole number, 0 or more", "zh": "不小于 0 的整数"},
        "a-list": {"en": "a list", "zh": "列表"},
        "a-time": {"en": "an ISO 8601 time or null", "zh": "ISO 8601 时间或 null"},
        "a-status": {
            "en": "one of " + ", ".join(STATUSES),
            "zh": "取值之一：" + "、".join(STATUSES),
        },
        "unknown-topic": {
            "en": "{where} names topic {topic!r}, which is not in topics",
            "zh": "{where}所属的主题 {topic!r} 不在 topics 中",
        },
        "too-many-steps": {
            "en": "{where} has more steps passed than steps in all",
            "zh": "{where}通过的步骤多于全部步骤",
        },
    }
)


class ReportFormatError(ValueError):
    """A report file that does not follow the schema: the message says what is wrong."""


class NewerSchemaError(ReportFormatError):
    """A report file of a schema version this release does not know: the message says to upgrade."""


@dataclass(frozen=True)
class TopicEntry:
    id: str
    title: str


@dataclass(frozen=True)
class KataEntry:
    id: str
    topic: str
    title: str
    path: str
    status: str
    steps_passed: int
    steps_total: int
    hints_used: int
    hints_available: int
    first_passed: str | None
    revealed: bool = False
    """The learner asked for the answers (`pytest --reveal`)."""
    changed: bool = False
    """When last run, the kata was changed outside its blanks, so its passes did not count."""


@dataclass(frozen=True)
class KataReport:
    """One learner's progress, as the report file holds it (topics and katas in learner order)."""

    learner: str
    generated: str
    plugin_version: str
    language: str
    topics: tuple[TopicEntry, ...]
    katas: tuple[KataEntry, ...]

    def katas_of(self, topic: str) -> list[KataEntry]:
        return [kata for kata in self.katas if kata.topic == topic]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "learner": self.learner,
            "generated": self.generated,
            "plugin_version": self.plugin_version,
            "language": self.language,
            "totals": {
                "katas": len(self.katas),
                "katas_passed": sum(kata.status == PASSED for kata in self.katas),
                "katas_failing": sum(kata.status == FAILING for kata in self.katas),
                "steps": sum(kata.steps_total for kata in self.katas),
                "steps_passed": sum(kata.steps_passed for kata in self.katas),
                "hints_used": sum(kata.hints_used for kata in self.katas),
            },
            "topics": [{"id": topic.id, "title": topic.title} for topic in self.topics],
            "katas": [
                {
                    "id": kata.id,
                    "topic": kata.topic,
                    "title": kata.title,
                    "path": kata.path,
                    "status": kata.status,
                    "steps_passed": kata.steps_passed,
                    "steps_total": kata.steps_total,
                    "hints_used": kata.hints_used,
                    "hints_available": kata.hints_available,
                    "first_passed": kata.first_passed,
                    "revealed": kata.revealed,
                    "changed": kata.changed,
                }
                for kata in self.katas
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> KataReport:
        """Check a parsed report file field by field; raise `ReportFormatError` saying what is
        wrong. Fields this version does not know are ignored, as the schema allows."""
        if not isinstance(data, dict):
            raise ReportFormatError(say("not-an-object"))
        schema = data.get("schema")
        if not isinstance(schema, str) or not schema.startswith(f"{SCHEMA_NAME}/"):
            raise ReportFormatError(say("no-schema", schema=SCHEMA))
        if schema != SCHEMA:
            raise NewerSchemaError(say("newer-schema", found=schema, schema=SCHEMA))
        the_file = say("the-file")
        topics = []
        for number, item in enumerate(_list(data, "topics", the_file), start=1):
            where = say("topic-number", number=number)
            topics.append(TopicEntry(_text(item, "id", where), _text(item, "title", where)))
        known = {topic.id for topic in topics}
        katas = []
        for number, item in enumerate(_list(data, "katas", the_file), start=1):
            where = say("kata-number", number=number)
            status = _text(item, "status", where)
            if status not in STATUSES:
                raise _bad(where, "status", say("a-status"))
            kata = KataEntry(
                id=_text(item, "id", where),
                topic=_text(item, "topic", where),
                title=_text(item, "title", where),
                path=_text(item, "path", where),
                status=status,
                steps_passed=_count(item, "steps_passed", where),
                steps_total=_count(item, "steps_total", where),
                hints_used=_count(item, "hints_used", where),
                hints_available=_count(item, "hints_available", where),
                first_passed=_time(item, "first_passed", where),
                revealed=_flag(item, "revealed", where),
                changed=_flag(item, "changed", where),
            )
            if kata.topic not in known:
                raise ReportFormatError(say("unknown-topic", where=where, topic=kata.topic))
            if kata.steps_passed > kata.steps_total:
                raise ReportFormatError(say("too-many-steps", where=where))
            katas.append(kata)
        return cls(
            learner=_text(data, "learner", the_file),
            generated=_text(data, "generated", the_file),
            plugin_version=_text(data, "plugin_version", the_file),
            language=_text(data, "language", the_file),
            topics=tuple(topics),
            katas=tuple(katas),
        )


def _bad(where: str, name: str, expected: str) -> ReportFormatError:
    return ReportFormatError(say("bad-field", where=where, field=name, expected=expected))


def _field(data: Any, name: str, where: str, expected: str) -> Any:
    if not isinstance(data, dict) or name not in data:
        raise _bad(where, name, expected)
    return data[name]


def _text(data: Any, name: str, where: str) -> str:
    value = _field(data, name, where, say("a-string"))
    if not isinstance(value, str):
        raise _bad(where, name, say("a-string"))
    return value


def _count(data: Any, name: str, where: str) -> int:
    value = _field(data, name, where, say("a-count"))
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _bad(where, name, say("a-count"))
    return value


def _list(data: Any, name: str, where: str) -> list[Any]:
    value = _field(data, name, where, say("a-list"))
    if not isinstance(value, list):
        raise _bad(where, name, say("a-list"))
    return value


def _flag(data: Any, name: str, where: str) -> bool:
    """An optional true/false field (added within schema 1: older files do not have it)."""
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise ReportFormatError(say("not-a-flag", where=where, name=name))
    return value


def _time(data: Any, name: str, where: str) -> str | None:
    value = _field(data, name, where, say("a-time"))
    if value is None:
        return None
    if not isinstance(value, str):
        raise _bad(where, name, say("a-time"))
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise _bad(where, name, say("a-time")) from None
    return value


def learner_name(option: str | None) -> str:
    """The name given with `--kata-learner`, else the login name, else "learner"."""
    if option and option.strip():
        return option.strip()
    try:
        name = getpass.getuser()
    except Exception:  # OSError (3.13+), KeyError or ImportError when no login name can be found
        return DEFAULT_LEARNER
    return name.strip() or DEFAULT_LEARNER


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def build_report(
    catalog: Catalog,
    progress: Progress,
    *,
    learner: str,
    language: str,
    generated: str | None = None,
) -> KataReport:
    """The learner's progress over every kata of the catalog, in learner order."""
    katas = []
    for kata in catalog.katas:
        status = progress.status(kata)
        record = progress.katas.get(kata.id)
        katas.append(
            KataEntry(
                id=kata.id,
                topic=kata.topic,
                title=kata.title_in(language),
                path=kata.display,
                status=PASSED if status.passed else FAILING if status.started else NOT_STARTED,
                steps_passed=status.passed_steps,
                steps_total=status.total_steps,
                hints_used=record.hints_used if record else 0,
                hints_available=len(kata.hints),
                first_passed=record.first_passed if record else None,
                revealed=record.revealed if record else False,
                changed=record.changed if record else False,
            )
        )
    return KataReport(
        learner=learner,
        generated=generated or now(),
        plugin_version=__version__,
        language=language,
        topics=tuple(TopicEntry(topic.name, topic.title_in(language)) for topic in catalog.topics),
        katas=tuple(katas),
    )


def write_text_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file beside it, so that the file is either the
    old one or the whole new one, never half of it. Missing folders are made. The file gets mode
    0o666 less the umask, as any new file does (0o644 under the usual umask 0o022), because it is
    for others to read: a teacher's tools, a web server. Raises OSError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where the folder should be: "File exists" would mislead
        raise NotADirectoryError(
            errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent)
        ) from None
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        # mkstemp makes the file 0o600 whatever the umask; the umask can only be read by setting it
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_report(
    path: Path,
    display: str,
    catalog: Catalog,
    progress: Progress,
    *,
    learner: str,
    language: str,
) -> list[str]:
    """Write the report file; return the warnings (one line each) for the learner."""
    report = build_report(catalog, progress, learner=learner, language=language)
    try:
        write_text_atomically(
            path, json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
        )
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return [say("not-written", path=display, reason=reason)]
    return []


def write_run_report(config: pytest.Config, catalog: Catalog, progress: Progress) -> list[str]:
    """At the end of a learner's run: write the file `--kata-report` asks for, if it does."""
    option = config.getoption("katas_report", None)
    if not option:
        return []
    return write_report(
        config.invocation_params.dir / str(option),
        str(option),
        catalog,
        progress,
        learner=learner_name(config.getoption("katas_learner", None)),
        language=current_language(),  # as the plugin chose it from --lang, the environment, …
    )


def read_report(path: Path) -> KataReport:
    """A report file, checked; raises OSError, ValueError (not JSON) or ReportFormatError."""
    with path.open(encoding="utf-8") as file:
        data = json.load(file)
    return KataReport.from_json(data)


def kata_columns(reports: Sequence[KataReport]) -> list[tuple[TopicEntry, list[KataEntry]]]:
    """Every kata of every report, grouped by topic, in learner order: the first report's order,
    then the topics and katas that only later reports have (written by another release), each at
    the end of its topic."""
    topics: dict[str, TopicEntry] = {}
    katas: dict[str, dict[str, KataEntry]] = {}
    for report in reports:
        for topic in report.topics:
            topics.setdefault(topic.id, topic)
            katas.setdefault(topic.id, {})
        for kata in report.katas:
            katas[kata.topic].setdefault(kata.id, kata)
    return [(topic, list(katas[topic.id].values())) for topic in topics.values()]
