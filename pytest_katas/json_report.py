"""`pytest katas/ --kata-report=PATH`: the learner's progress as a JSON file, for a teacher or for
`katas-report` (see `html_report`).

The file's schema is versioned (`"schema": "pytest-katas-report/1"`), described field by field
in docs/report-schema.md, and given as a JSON Schema in the package (`SCHEMA_FILE`). It is written
at the end of a learner's run, by the controller only (never on an xdist worker), after the
progress has been merged and saved, and atomically: a reader never sees half a file. A path that
cannot be written costs one warning line, never the learner's progress. This module also reads
such files back for `pytest-katas report`, checking them against the JSON Schema with jsonschema,
which only that reading imports: a learner's run never does.
"""

from __future__ import annotations

import functools
import getpass
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from pytest_katas import __version__
from pytest_katas.atomic import write_text_atomically
from pytest_katas.catalog import Catalog, Kata
from pytest_katas.i18n import N_, Messages, current_language
from pytest_katas.progress import Progress

if TYPE_CHECKING:  # jsonschema is imported only when a report is read, never in a learner's run
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

SCHEMA_NAME = "pytest-katas-report"
SCHEMA_VERSION = 1
SCHEMA = f"{SCHEMA_NAME}/{SCHEMA_VERSION}"
SCHEMA_FILE = f"schemas/{SCHEMA_NAME}-{SCHEMA_VERSION}.schema.json"
"""The JSON Schema of `SCHEMA`, in the package: `importlib.resources.files("pytest_katas") /
SCHEMA_FILE` (pytest_katas/schemas/ in the repository)."""
PASSED, FAILING, NOT_STARTED = "passed", "failing", "not_started"
STATUSES = (PASSED, FAILING, NOT_STARTED)
DEFAULT_LEARNER = "learner"

say = Messages(
    {
        "not-written": N_(
            "the kata report could not be written to {path} ({reason}); your progress is "
            "saved as usual"
        ),
        "not-an-object": N_("is not a pytest-katas report (not a JSON object)"),
        "no-schema": N_('is not a pytest-katas report (it has no "schema": "{schema}")'),
        "newer-schema": N_(
            "was written by a newer pytest-katas (schema {found}; this one reads {schema}); "
            "upgrade pytest-katas to read it"
        ),
        "the-file": N_("the report"),
        "missing": N_("{path} is missing"),
        "wrong-type": N_("{path}: {value} is not {expected}"),
        "not-one-of": N_("{path}: {value} is not one of {choices}"),
        "too-small": N_("{path}: {value} is less than {minimum}"),
        "empty": N_("{path} is empty"),
        "not-a-time": N_("{path}: {value} is not a UTC time like 2025-11-25T13:40:02+00:00"),
        "other": N_("{path}: {problem}"),
        "or": N_(" or "),
        "a-string": N_("a string"),
        "a-count": N_("a whole number"),
        "a-flag": N_("true or false"),
        "a-list": N_("a list"),
        "an-object": N_("an object ({{…}})"),
        "null": N_("null"),
        "unknown-topic": N_("{path}: {topic} is not the id of any of topics"),
        "too-many-steps": N_("{path}: {passed} is more than steps_total ({total})"),
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
        """The report a parsed report file holds, once `check_report` has passed it (see there for
        what it raises). Fields this version does not know are ignored, as the schema allows;
        `revealed` and `changed`, absent from files written before 0.2, are read as false."""
        check_report(data)
        return cls(
            learner=data["learner"],
            generated=data["generated"],
            plugin_version=data["plugin_version"],
            language=data["language"],
            topics=tuple(TopicEntry(item["id"], item["title"]) for item in data["topics"]),
            katas=tuple(
                KataEntry(
                    id=item["id"],
                    topic=item["topic"],
                    title=item["title"],
                    path=item["path"],
                    status=item["status"],
                    # JSON Schema's integer takes 2.0 as well as 2
                    steps_passed=int(item["steps_passed"]),
                    steps_total=int(item["steps_total"]),
                    hints_used=int(item["hints_used"]),
                    hints_available=int(item["hints_available"]),
                    first_passed=item["first_passed"],
                    revealed=item.get("revealed", False),
                    changed=item.get("changed", False),
                )
                for item in data["katas"]
            ),
        )


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the files this version writes and reads, as shipped in
    the package at `SCHEMA_FILE`."""
    from importlib.resources import files  # only the report command reads it

    text = files("pytest_katas").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


_UTC_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]+)?(?:Z|\+00:00)"
)


def is_utc_time(value: object) -> bool:
    """Whether `value` is a real UTC time as the schema's `utc-time` writes it (a non-string is
    left to the `type` check). The `date-time` format check of the report command: jsonschema's
    own needs a package of its own, and would let a time in another zone through."""
    if not isinstance(value, str):
        return True
    match = _UTC_TIME.fullmatch(value)
    if match is None:
        return False
    year, month, day, hour, minute, second = (int(part) for part in match.groups())
    try:
        # 60 is a leap second, which RFC 3339 allows and datetime does not
        datetime(year, month, day, hour, minute, min(second, 59))
    except ValueError:
        return False
    return second <= 60


@functools.cache
def _validator() -> Validator:
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date-time")(is_utc_time)
    return Draft202012Validator(json_schema(), format_checker=checker)


def check_report(data: Any) -> None:
    """Check a parsed report file: its `schema` first, then everything the JSON Schema says,
    then the two rules the JSON Schema cannot state (each kata's `topic` is one of `topics`, its
    `steps_passed` at most its `steps_total`).

    Raises NewerSchemaError for a later version of the schema (the message says to upgrade), and
    ReportFormatError for anything else, its message one line without the file's name, e.g.
    `katas[3].status: "done" is not one of "passed", "failing", "not_started"`. Of several
    problems it names the first in the order of the file (the earliest field; an object's missing
    fields before what is wrong inside it); of several on one field, the one the schema checks
    first. So the same file always gets the same message."""
    if not isinstance(data, dict):
        raise ReportFormatError(say("not-an-object"))
    found = data.get("schema")
    if not isinstance(found, str) or not found.startswith(f"{SCHEMA_NAME}/"):
        raise ReportFormatError(say("no-schema", schema=SCHEMA))
    if found != SCHEMA:
        version = found.removeprefix(f"{SCHEMA_NAME}/")
        if version.isdigit() and int(version) > SCHEMA_VERSION:
            raise NewerSchemaError(say("newer-schema", found=found, schema=SCHEMA))
        raise ReportFormatError(say("no-schema", schema=SCHEMA))
    errors = sorted(
        _validator().iter_errors(data), key=lambda error: _place(data, error.absolute_path)
    )
    if errors:
        raise ReportFormatError(_problem(errors[0]))
    topics = {topic["id"] for topic in data["topics"]}
    for number, kata in enumerate(data["katas"]):
        if kata["topic"] not in topics:
            where = json_path(["katas", number, "topic"])
            raise ReportFormatError(say("unknown-topic", path=where, topic=_shown(kata["topic"])))
        if kata["steps_passed"] > kata["steps_total"]:
            where = json_path(["katas", number, "steps_passed"])
            raise ReportFormatError(
                say(
                    "too-many-steps",
                    path=where,
                    passed=kata["steps_passed"],
                    total=kata["steps_total"],
                )
            )


def json_path(path: Iterable[str | int]) -> str:
    """`["katas", 3, "status"]` → `katas[3].status`; the empty path is the report itself."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else step
    return text or say("the-file")


def _place(data: Any, path: Iterable[str | int]) -> tuple[int, ...]:
    """Where `path` is in the file: each step's position in its object or list, so that sorting
    by it follows the file (json.load keeps the order of an object's fields)."""
    place = []
    for step in path:
        place.append(list(data).index(step) if isinstance(data, dict) else int(step))
        data = data[step]
    return tuple(place)


def _shown(value: object, limit: int = 40) -> str:
    """A value as the file has it (JSON), cut short if long."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _problem(error: ValidationError) -> str:
    """One line for a teacher: the field's path and what is wrong with it."""
    path = list(error.absolute_path)
    value: Any = error.instance  # not Unset: the error comes from validating
    expected: Any = error.validator_value
    if error.validator == "required":
        missing = next(name for name in expected if name not in value)
        return say("missing", path=json_path([*path, missing]))
    where = json_path(path)
    if error.validator == "type":
        kinds = {
            "string": say("a-string"),
            "integer": say("a-count"),
            "boolean": say("a-flag"),
            "array": say("a-list"),
            "object": say("an-object"),
            "null": say("null"),
        }
        names = [expected] if isinstance(expected, str) else expected
        wanted = say("or").join(kinds.get(name, name) for name in names)
        return say("wrong-type", path=where, value=_shown(value), expected=wanted)
    if error.validator in ("enum", "const"):
        choices = expected if error.validator == "enum" else [expected]
        shown = ", ".join(_shown(choice) for choice in choices)
        return say("not-one-of", path=where, value=_shown(value), choices=shown)
    if error.validator == "minimum":
        return say("too-small", path=where, value=_shown(value), minimum=expected)
    if error.validator == "minLength":
        return say("empty", path=where)
    if error.validator in ("format", "pattern"):  # only the times have either
        return say("not-a-time", path=where, value=_shown(value))
    return say("other", path=where, problem=error.message)


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
    is_untouched: Callable[[Kata], bool] | None = None,
) -> KataReport:
    """The learner's progress over every kata of the catalog, in learner order. A kata is
    `not_started` while no step of it has passed, no hint or answer was asked for, and the
    learner's file is still as shipped (`is_untouched`, as the learner's screen counts "not
    started yet"; without it: while no step has run), `failing` once worked on and not passed."""
    katas = []
    for kata in catalog.katas:
        status = progress.status(kata)
        record = progress.katas.get(kata.id)
        if status.passed:
            state = PASSED
        elif is_untouched is None:
            state = FAILING if status.started else NOT_STARTED
        else:
            asked = record is not None and (record.hints_used > 0 or record.revealed)
            untouched = not status.passed_steps and not asked and is_untouched(kata)
            state = NOT_STARTED if untouched else FAILING
        katas.append(
            KataEntry(
                id=kata.id,
                topic=kata.topic,
                title=kata.title_in(language),
                path=kata.display,
                status=state,
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


def write_report(
    path: Path,
    display: str,
    catalog: Catalog,
    progress: Progress,
    *,
    learner: str,
    language: str,
    is_untouched: Callable[[Kata], bool] | None = None,
) -> list[str]:
    """Write the report file (see `build_report`); return the warnings (one line each) for the
    learner."""
    report = build_report(
        catalog, progress, learner=learner, language=language, is_untouched=is_untouched
    )
    try:
        write_text_atomically(
            path, json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
        )
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return [say("not-written", path=display, reason=reason)]
    return []


def write_run_report(
    config: pytest.Config,
    catalog: Catalog,
    progress: Progress,
    is_untouched: Callable[[Kata], bool] | None = None,
) -> list[str]:
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
        is_untouched=is_untouched,
    )


def read_report(path: Path) -> KataReport:
    """A report file, checked against the schema (`check_report`). Raises OSError (unreadable),
    UnicodeDecodeError or json.JSONDecodeError (not JSON), NewerSchemaError, or ReportFormatError
    with one line naming the first field that is wrong; the caller names the file."""
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
