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
    language_of,
    speaking,
)
from pytest_katas.atomic import write_text_atomically
from pytest_katas.i18n import LANGUAGES, N_, Messages, N_plural, current_language
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
        "description": N_(
            "Turn one or many files written by pytest katas/ --kata-report=PATH into one "
            "self-contained HTML page: a learner's progress, or a class's."
        ),
        "help-reports": N_("report files (JSON) written by pytest katas/ --kata-report=PATH"),
        "help-output": N_("the HTML file to write (default: {default})"),
        "help-lang": N_(
            "the language of the page and of these messages: {languages} (default: the "
            "PYTEST_KATAS_LANG environment variable, else the locale, else en)"
        ),
        "missing": N_(
            "{file} does not exist; give the path of a file written by "
            "pytest katas/ --kata-report=PATH"
        ),
        "unreadable": N_("{file} could not be read ({reason}); check the path and its permissions"),
        "not-json": N_(
            "{file} is not JSON ({reason}); give a file written by pytest katas/ --kata-report=PATH"
        ),
        "bad-report": N_(
            "{file}: {problem}; write it again with pytest katas/ --kata-report={file}"
        ),
        "newer-report": N_("{file} {problem}"),
        "not-written": N_(
            "{path} could not be written ({reason}); choose another file with -o PATH"
        ),
        "wrote-one": N_("Wrote {path}: the progress of {learner}."),
        "wrote-class": N_plural(
            "Wrote {path}: a class of 1 learner.", "Wrote {path}: a class of {count} learners."
        ),
        "title-one": N_("Kata progress of {learner}"),
        "title-class": N_("Kata progress of a class of {count}"),
        "meta-one": N_("As of {when} · written by pytest-katas {version}"),
        "meta-class": N_(
            "{count} learners · the newest report is of {when} · page by pytest-katas {version}"
        ),
        PASSED: N_("passed"),
        FAILING: N_("failing"),
        NOT_STARTED: N_("not started"),
        "absent-legend": N_("not in that learner's report"),
        "hints-legend": N_("hints used"),
        "all-katas": N_("All katas"),
        "counts": N_("{passed}/{total} katas · {steps_passed}/{steps_total} steps"),
        "hints-count": N_(" · hints used: {count}"),
        "by-topic": N_("Progress by topic"),
        "kata-list": N_("Every kata"),
        "column-kata": N_("Kata"),
        "column-status": N_("Status"),
        "column-steps": N_("Steps"),
        "column-hints": N_("Hints"),
        "column-first-passed": N_("First passed"),
        "column-learner": N_("Learner"),
        "column-passed": N_("Passed"),
        "of": N_("{count} of {total}"),
        "stuck-row": N_("Stuck here"),
        "stuck-legend": N_("stuck here"),
        "stuck-here": N_("; stuck here"),
        "stuck-note": N_(
            "Stuck here: learners who started the kata and have not passed it, and have "
            "worked on it: a step of it passed, they took a hint, or it is the next kata they "
            "have to pass in learner order. (Running every kata at once starts them all; that "
            "alone is not being stuck.)"
        ),
        "passed-row": N_("Passed"),
        "most-stuck": N_("Most stuck: {katas}: {count} of {learners} learners are stuck there."),
        "most-stuck-many": N_(
            "Most stuck: {katas}: {count} of {learners} learners are stuck at each."
        ),
        "revealed": N_("answers revealed"),
        "changed": N_("changed outside its blanks"),
        "and-more": N_("and {count} more"),
        "nobody-stuck": N_("Nobody is stuck right now."),
        "cell": N_(
            "{learner} · {kata}: {status}, {steps_passed}/{steps_total} steps, "
            "{hints_used} of {hints_available} hints used"
        ),
        "absent": N_("{learner} · {kata}: not in this learner's report"),
        "stuck-cell": N_("{kata}: {count} learners stuck here"),
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
    command.add_argument(
        "--lang",
        type=language_of,
        metavar="LANGUAGE",
        help=say("help-lang", languages=", ".join(LANGUAGES)),
    )


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
