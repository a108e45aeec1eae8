"""`pytest-katas report` (or its old name, `katas-report`): one or many `--kata-report` files (see
`json_report`) as one HTML page.

    pytest-katas report -o alice.html alice.json
    pytest-katas report -o class.html alice.json bob.json carol.json

For one learner the page shows a progress bar per topic, in learner order, and every kata with its
status, steps and hints. For a class (two files or more) it shows a table of learners against katas,
the katas as columns grouped by topic in learner order, each cell coloured by status and showing
the hints used; under it, for each kata, how many learners are stuck on it (see `stuck_on`), the
most stuck highlighted, and named at the top of the page.

The page is self-contained: inline CSS, no script, no external resource, so it can be mailed or
opened offline, and written readable by others as the umask allows (a web server may serve it).
It is drawn from the Jinja2 templates of pytest_katas/templates/ (see `environment`), autoescaped:
whatever a report file holds is shown as text, never as markup; their words are this module's
`say` messages, which the templates call.
Bad input (a missing file, a file that is not JSON or not a report) is one line on stderr naming the
file and what to do, and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pytest_katas import __version__
from pytest_katas.arguments import (
    USAGE_ERROR,
    CommandLine,
    add_version,
    arguments_of,
    speaking,
)
from pytest_katas.i18n import LANGUAGES, Messages, choose_language, current_language
from pytest_katas.json_report import (
    FAILING,
    NOT_STARTED,
    PASSED,
    KataEntry,
    KataReport,
    NewerSchemaError,
    ReportFormatError,
    kata_columns,
    read_report,
    write_text_atomically,
)

if TYPE_CHECKING:
    import jinja2

PROGRAM = "katas-report"
DEFAULT_OUTPUT = "katas-report.html"
MOST_STUCK_NAMED = 3
"""At most this many katas are named as the most stuck; the others are counted."""

COLOURS = {
    PASSED: "#2e9d4f",
    FAILING: "#f0a020",
    NOT_STARTED: "#dde1e6",
    "stuck": "#d93025",
    "stuck-some": "#f9c9c4",
}
"""The colours of the statuses, and of the stuck counts (the browser test looks for them)."""

say = Messages(
    {
        "description": {
            "en": "Turn one or many files written by pytest katas/ --kata-report=PATH into one "
            "self-contained HTML page: a learner's progress, or a class's.",
            "zh": "把 pytest katas/ --kata-report=PATH 写出的一个或多个文件合成一个独立的 HTML "
            "页面：一名学员的进度，或一个班级的进度。",
        },
        "help-reports": {
            "en": "report files (JSON) written by pytest katas/ --kata-report=PATH",
            "zh": "由 pytest katas/ --kata-report=PATH 写出的报告文件（JSON）",
        },
        "help-output": {
            "en": "the HTML file to write (default: {default})",
            "zh": "要写入的 HTML 文件（默认：{default}）",
        },
        "help-lang": {
            "en": "the language of the page and of these messages: en or zh (default: the "
            "PYTEST_KATAS_LANG environment variable, else the locale, else en)",
            "zh": "页面和提示信息的语言：en 或 zh（默认：环境变量 PYTEST_KATAS_LANG，其次是系统"
            "区域设置，否则为 en）",
        },
        "bad-lang": {
            "en": "{value!r} is not a language of katas-report; use one of {languages}",
            "zh": "katas-report 不支持语言 {value!r}；请使用 {languages} 之一",
        },
        "missing": {
            "en": "{file} does not exist; give the path of a file written by "
            "pytest katas/ --kata-report=PATH",
            "zh": "{file} 不存在；请给出由 pytest katas/ --kata-report=PATH 写出的文件路径",
        },
        "unreadable": {
            "en": "{file} could not be read ({reason}); check the path and its permissions",
            "zh": "无法读取 {file}（{reason}）；请检查路径及其权限",
        },
        "not-json": {
            "en": "{file} is not JSON ({reason}); give a file written by "
            "pytest katas/ --kata-report=PATH",
            "zh": "{file} 不是 JSON（{reason}）；请给出由 "
            "pytest katas/ --kata-report=PATH 写出的文件",
        },
        "bad-report": {
            "en": "{file}: {problem}; write it again with pytest katas/ --kata-report={file}",
            "zh": "{file}：{problem}；请用 pytest katas/ --kata-report={file} 重新生成",
        },
        "newer-report": {"en": "{file} {problem}", "zh": "{file} {problem}"},
        "not-written": {
            "en": "{path} could not be written ({reason}); choose another file with -o PATH",
            "zh": "无法写入 {path}（{reason}）；请用 -o PATH 指定另一个文件",
        },
        "wrote-one": {
            "en": "Wrote {path}: the progress of {learner}.",
            "zh": "已写入 {path}：{learner} 的进度。",
        },
        "wrote-class": {
            "en": "Wrote {path}: a class of {count} learners.",
            "zh": "已写入 {path}：{count} 名学员的班级进度。",
        },
        "title-one": {"en": "Kata progress of {learner}", "zh": "{learner} 的练习进度"},
        "title-class": {
            "en": "Kata progress of a class of {count}",
            "zh": "{count} 名学员的练习进度",
        },
        "meta-one": {
            "en": "As of {when} · written by pytest-katas {version}",
            "zh": "截至 {when} · 由 pytest-katas {version} 生成",
        },
        "meta-class": {
            "en": "{count} learners · the newest report is of {when} · page by pytest-katas "
            "{version}",
            "zh": "{count} 名学员 · 最新报告时间 {when} · 页面由 pytest-katas {version} 生成",
        },
        PASSED: {"en": "passed", "zh": "已通过"},
        FAILING: {"en": "failing", "zh": "未通过"},
        NOT_STARTED: {"en": "not started", "zh": "未开始"},
        "absent-legend": {
            "en": "not in that learner's report",
            "zh": "该学员的报告中没有此练习",
        },
        "hints-legend": {"en": "hints used", "zh": "已用提示数"},
        "all-katas": {"en": "All katas", "zh": "全部练习"},
        "counts": {
            "en": "{passed}/{total} katas · {steps_passed}/{steps_total} steps",
            "zh": "{passed}/{total} 个练习 · {steps_passed}/{steps_total} 步",
        },
        "hints-count": {"en": " · hints used: {count}", "zh": " · 已用提示：{count} 条"},
        "by-topic": {"en": "Progress by topic", "zh": "各主题进度"},
        "kata-list": {"en": "Every kata", "zh": "全部练习"},
        "column-kata": {"en": "Kata", "zh": "练习"},
        "column-status": {"en": "Status", "zh": "状态"},
        "column-steps": {"en": "Steps", "zh": "步骤"},
        "column-hints": {"en": "Hints", "zh": "提示"},
        "column-first-passed": {"en": "First passed", "zh": "首次通过"},
        "column-learner": {"en": "Learner", "zh": "学员"},
        "column-passed": {"en": "Passed", "zh": "通过"},
        "of": {"en": "{count} of {total}", "zh": "{count}/{total}"},
        "stuck-row": {"en": "Stuck here", "zh": "卡在这里"},
        "stuck-legend": {"en": "stuck here", "zh": "卡在这里"},
        "stuck-here": {"en": "; stuck here", "zh": "；卡在这里"},
        "stuck-note": {
            "en": "Stuck here: learners who started the kata and have not passed it, and have "
            "worked on it: a step of it passed, they took a hint, or it is the next kata they "
            "have to pass in learner order. (Running every kata at once starts them all; that "
            "alone is not being stuck.)",
            "zh": "卡在这里：已开始但尚未通过、并且在这个练习上下过功夫的学员：它有步骤通过过、"
            "看过它的提示，或者它是按学习顺序下一个要通过的练习。（一次运行全部练习会把它们都"
            "标为已开始，但这本身不算卡住。）",
        },
        "passed-row": {"en": "Passed", "zh": "已通过"},
        "most-stuck": {
            "en": "Most stuck: {katas}: {count} of {learners} learners are stuck there.",
            "zh": "卡住的人最多：{katas}：{learners} 名学员中有 {count} 名卡在这里。",
        },
        "most-stuck-many": {
            "en": "Most stuck: {katas}: {count} of {learners} learners are stuck at each.",
            "zh": "卡住的人最多：{katas}：{learners} 名学员中各有 {count} 名卡在这里。",
        },
        "revealed": {"en": "answers revealed", "zh": "已看答案"},
        "changed": {"en": "changed outside its blanks", "zh": "空以外被改动"},
        "and-more": {"en": "and {count} more", "zh": "另有 {count} 个"},
        "nobody-stuck": {
            "en": "Nobody is stuck right now.",
            "zh": "目前没有人卡住。",
        },
        "cell": {
            "en": "{learner} · {kata}: {status}, {steps_passed}/{steps_total} steps, "
            "{hints_used} of {hints_available} hints used",
            "zh": "{learner} · {kata}：{status}，{steps_passed}/{steps_total} 步，"
            "已用 {hints_used}/{hints_available} 条提示",
        },
        "absent": {
            "en": "{learner} · {kata}: not in this learner's report",
            "zh": "{learner} · {kata}：该学员的报告中没有此练习",
        },
        "stuck-cell": {
            "en": "{kata}: {count} learners stuck here",
            "zh": "{kata}：{count} 名学员卡在这里",
        },
    }
)

TEMPLATES = "templates"
"""The pages' Jinja2 templates, a folder of the package: learner.html.j2 and class.html.j2, both
in layout.html.j2 (which inlines style.css.j2), drawn with macros.html.j2."""

_SLOT = "\x00"
"""Stands for the katas a message names, so that the message is escaped whole around them."""


@cache
def environment() -> jinja2.Environment:
    """The templates' environment, made once: every template autoescaped (a learner's name, the
    titles and whatever else a report file holds are text, never markup), an undefined name an
    error rather than an empty string. Jinja2 is imported here, not with the module: only the
    page needs it, never a learner's run or the other commands."""
    import jinja2

    made = jinja2.Environment(
        loader=jinja2.PackageLoader("pytest_katas", TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    made.globals.update(
        say=say,
        colours=COLOURS,
        slot=_SLOT,
        PASSED=PASSED,
        FAILING=FAILING,
        NOT_STARTED=NOT_STARTED,
    )
    made.filters.update(backticks=backticks, plain=plain, when=when)
    return made


def backticks(text: str) -> list[tuple[bool, str]]:
    """A title's parts as (is_code, part): `send()` & `throw()` →
    [(False, ""), (True, "send()"), (False, " & "), (True, "throw()"), (False, "")]. A title with
    an odd backtick is one part, not code."""
    parts = text.split("`")
    if len(parts) % 2 == 0:
        return [(False, text)]
    return [(index % 2 == 1, part) for index, part in enumerate(parts)]


def code_spans(text: str) -> str:
    """Text as HTML, escaped, its `backticked` parts as code: what the templates' `code_spans`
    macro (macros.html.j2) writes for a title."""
    macros = environment().get_template("macros.html.j2").module
    # a template's macros are attributes its module gets when the template runs
    return str(macros.code_spans(text))  # type: ignore[attr-defined]


def plain(text: str) -> str:
    """A title without its backticks, for a tooltip."""
    return text.replace("`", "")


def when(stamp: str) -> str:
    """`2025-11-25T13:40:02+00:00` → `2025-11-25 13:40 UTC`."""
    date, _, time = stamp.partition("T")
    if not time:
        return stamp
    zone = " UTC" if time.endswith(("+00:00", "Z")) else ""
    return f"{date} {time[:5]}{zone}"


def stuck_on(report: KataReport) -> set[str]:
    """The katas a learner is stuck on: started and not passed, and worked on: a step of it has
    passed, a hint of it was shown, or it is the next kata to pass in learner order.

    A learner who runs `pytest katas/` starts every kata at once; that alone is not being stuck,
    or every kata after the learner's would count as much as the one they are on."""
    next_up = next((kata.id for kata in report.katas if kata.status != PASSED), None)
    return {
        kata.id
        for kata in report.katas
        if kata.status == FAILING
        and (kata.steps_passed > 0 or kata.hints_used > 0 or kata.id == next_up)
    }


@dataclass(frozen=True)
class Learner:
    """A learner on the page: the name shown (told apart from another's of the same name by
    `named_learners`) and their report."""

    name: str
    report: KataReport

    @cached_property
    def _katas(self) -> dict[str, KataEntry]:
        return {kata.id: kata for kata in self.report.katas}

    @cached_property
    def stuck(self) -> set[str]:
        return stuck_on(self.report)

    @cached_property
    def passed(self) -> int:
        """How many of the learner's katas are passed."""
        return sum(kata.status == PASSED for kata in self.report.katas)

    def kata(self, kata_id: str) -> KataEntry | None:
        return self._katas.get(kata_id)


def _page(template: str, **values: object) -> str:
    language = current_language()
    return environment().get_template(template).render(language=language, **values)


def learner_page(learner: Learner) -> str:
    """One learner's page (learner.html.j2)."""
    return _page("learner.html.j2", learner=learner, report=learner.report)


def stuck_counts(learners: Sequence[Learner], kata_ids: Sequence[str]) -> dict[str, int]:
    """For each kata (in the order given), how many of the learners are stuck on it."""
    return {
        kata_id: sum(1 for learner in learners if kata_id in learner.stuck) for kata_id in kata_ids
    }


def class_page(learners: Sequence[Learner]) -> str:
    """A class's page (class.html.j2), for two learners or more."""
    reports = [learner.report for learner in learners]
    columns = kata_columns(reports)
    placed = [(topic, kata) for topic, katas in columns for kata in katas]
    kata_ids = [kata.id for _, kata in placed]
    stuck = stuck_counts(learners, kata_ids)
    most = max(stuck.values(), default=0)
    most_stuck = [(topic, kata) for topic, kata in placed if most and stuck[kata.id] == most]
    return _page(
        "class.html.j2",
        learners=learners,
        columns=columns,
        kata_ids=kata_ids,
        first_of_topic={katas[0].id for _, katas in columns if katas},
        titles={kata.id: plain(kata.title) for _, kata in placed},
        stuck=stuck,
        most=most,
        most_stuck=most_stuck[:MOST_STUCK_NAMED],
        more_stuck=len(most_stuck[MOST_STUCK_NAMED:]),
        passed={
            kata_id: sum(
                1
                for learner in learners
                if (kata := learner.kata(kata_id)) and kata.status == PASSED
            )
            for kata_id in kata_ids
        },
        absent_anywhere=any(
            learner.kata(kata_id) is None for learner in learners for kata_id in kata_ids
        ),
        newest=max(report.generated for report in reports),
        version=__version__,
    )


def render(learners: Sequence[Learner]) -> str:
    """The page for one learner, or for a class (one learner or more), as the text of one HTML
    file. A template that names something it was not given raises jinja2.UndefinedError."""
    return learner_page(learners[0]) if len(learners) == 1 else class_page(learners)


def named_learners(reports: Sequence[tuple[str, KataReport]]) -> list[Learner]:
    """The learners, their names told apart by their file's name when two share one."""
    names = [report.learner for _, report in reports]
    return [
        Learner(
            f"{report.learner} ({Path(file).name})"
            if names.count(report.learner) > 1
            else report.learner,
            report,
        )
        for file, report in reports
    ]


class InputError(Exception):
    """Bad input: the message is the one line to print."""


def load(file: str) -> KataReport:
    path = Path(file)
    try:
        return read_report(path)
    except FileNotFoundError:
        raise InputError(say("missing", file=file)) from None
    except NewerSchemaError as error:
        raise InputError(say("newer-report", file=file, problem=error)) from None
    except ReportFormatError as error:
        raise InputError(say("bad-report", file=file, problem=error)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(say("not-json", file=file, reason=error)) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(say("unreadable", file=file, reason=reason)) from None


def language_of(value: str) -> str:
    try:
        return choose_language(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            say("bad-lang", value=value, languages=", ".join(LANGUAGES))
        ) from None


def add_arguments(command: argparse.ArgumentParser) -> None:
    """The arguments of the page, as `katas-report` and `pytest-katas report` both take them:
    `REPORT.json …`, `-o/--output PATH`, `--lang LANGUAGE`; `run` reads what they parse to."""
    command.add_argument("reports", nargs="+", metavar="REPORT.json", help=say("help-reports"))
    command.add_argument(
        "-o",
        "--output",
        default=DEFAULT_OUTPUT,
        metavar="PATH",
        help=say("help-output", default=DEFAULT_OUTPUT),
    )
    command.add_argument("--lang", type=language_of, metavar="LANGUAGE", help=say("help-lang"))


def parser() -> argparse.ArgumentParser:
    """`katas-report`'s parser: the page's arguments, and `--version`."""
    command = CommandLine(prog=PROGRAM, description=say("description"))
    add_arguments(command)
    add_version(command)
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """`katas-report`, the name `pytest-katas report` had before: the same arguments, the same
    page. Returns the exit status; a usage error exits 2 (SystemExit) after one line on stderr."""
    arguments = arguments_of(argv)
    with speaking(arguments):
        return run(parser().parse_args(arguments))


def run(options: argparse.Namespace, program: str = PROGRAM) -> int:
    """Write the page the options of `add_arguments` ask for; say so on stdout and return 0.
    Bad input or an output that cannot be written is one line on stderr, begun with `program`,
    and exit status 2; the output is then left as it was."""
    try:
        reports = [(file, load(file)) for file in options.reports]
    except InputError as error:
        print(f"{program}: {error}", file=sys.stderr)
        return USAGE_ERROR
    learners = named_learners(reports)
    output = Path(options.output)
    try:
        write_text_atomically(output, render(learners))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(f"{program}: {say('not-written', path=output, reason=reason)}", file=sys.stderr)
        return USAGE_ERROR
    if len(learners) == 1:
        print(say("wrote-one", path=output, learner=learners[0].name))
    else:
        print(say("wrote-class", path=output, count=len(learners)))
    return 0


if __name__ == "__main__":  # pragma: no cover - the console script calls main()
    sys.exit(main())
