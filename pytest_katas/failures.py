"""What a learner reads when a kata step fails for a reason the plugin understands.

An unfilled blank reads as what to do ("fill in the blank on line 12 of katas/…"), a step that ran
too long as the likely cause, and a kata that cannot even be imported as the line to fix. Any other
failure is a real wrong answer, and pytest's own report of it is the best there is.
"""

from __future__ import annotations

import traceback as tb
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from pytest_katas.blanks import blank_failure
from pytest_katas.catalog import read_source
from pytest_katas.i18n import N_, Messages
from pytest_katas.timelimit import StepTimeLimit

say = Messages(
    {
        "blank": N_("Fill in the blank on line {line} of {path}:"),
        "body": N_("Write the body of {function}() on line {line} of {path}:"),
        "stopped-at": N_(" and was stopped on line {line}"),
        "too-long-summary": N_("did not finish within {seconds} s{where}: an endless loop?"),
        "one-call-summary": N_(
            "did not finish within {seconds} s{where}: one call took {late} s more"
        ),
        "one-call": N_(
            "{path}: the step did not finish within {seconds} s{where}.\n"
            "The time went into one call that ran {late} s past the limit before it returned: "
            "a very large allocation or computation done in C, not a loop of Python code. "
            "Make the data or the work smaller."
        ),
        "too-long": N_(
            "{path}: the step did not finish within {seconds} s{where}.\n"
            "The likely cause is an endless loop: a `while True` that never reaches break or "
            "return, a for loop or list() over a generator that never stops, or a coroutine "
            "awaiting something that never happens."
        ),
        "syntax": N_("{kind} on line {line}: {message}"),
        "cannot-import-summary": N_("cannot be imported: {what}"),
        "cannot-import-syntax": N_(
            "{path} cannot be imported: {what}. Fix that line and run again."
        ),
        "cannot-import": N_("{path} cannot be imported: {what}. Fix it and run again."),
        "empty-summary": N_("the file is empty"),
        "empty": N_(
            "{path} is empty: get the kata back from git (git checkout -- {path}) or from "
            "a backup, and run again."
        ),
        "at-line": N_("{what} (line {line})"),
    }
)


@dataclass(frozen=True)
class Explanation:
    summary: str
    """One line, for the condensed list of failures."""
    text: str
    """The full explanation, shown for the kata in focus."""


def explain_step_failure(
    error: BaseException,
    traceback: TracebackType | None,
    kata_path: Path,
    display: str,
    step: str,
) -> Explanation | None:
    if isinstance(error, StepTimeLimit):
        return _explain_time_limit(error, traceback, kata_path, display)
    blank = blank_failure(error, traceback, kata_path, step)
    if blank is None:
        return None
    if blank.function is None:
        text = say("blank", line=blank.line, path=display)
    else:
        text = say("body", function=blank.function, line=blank.line, path=display)
    return Explanation(blank.instruction(), f"{text}\n{excerpt(kata_path, blank.line)}")


def _explain_time_limit(
    error: StepTimeLimit, traceback: TracebackType | None, kata_path: Path, display: str
) -> Explanation:
    lines = [
        entry.lineno for entry in tb.extract_tb(traceback) if Path(entry.filename) == kata_path
    ]
    where = say("stopped-at", line=lines[-1]) if lines and lines[-1] else ""
    seconds = f"{error.seconds:g}"
    if error.in_one_call:
        late = f"{error.late:.1f}"
        summary = say("one-call-summary", seconds=seconds, where=where, late=late)
        text = say("one-call", path=display, seconds=seconds, where=where, late=late)
    else:
        summary = say("too-long-summary", seconds=seconds, where=where)
        text = say("too-long", path=display, seconds=seconds, where=where)
    if lines and lines[-1]:
        text += "\n" + excerpt(kata_path, lines[-1])
    return Explanation(summary, text)


def explain_import_failure(error: BaseException, kata_path: Path, display: str) -> Explanation:
    """A kata module that cannot be imported, such as one with a syntax error."""
    if type(error).__name__ == "EmptyKataError":
        return Explanation(say("empty-summary"), say("empty", path=display))
    if isinstance(error, SyntaxError) and error.lineno is not None:
        line = error.lineno
        what = say("syntax", kind=type(error).__name__, line=line, message=error.msg)
        text = say("cannot-import-syntax", path=display, what=what) + "\n"
        text += excerpt(kata_path, line, column=error.offset)
        return Explanation(say("cannot-import-summary", what=what), text)
    lines = [
        entry.lineno
        for entry in tb.extract_tb(error.__traceback__)
        if Path(entry.filename) == kata_path
    ]
    what = f"{type(error).__name__}: {error}"
    if lines and lines[-1]:
        what = say("at-line", what=what, line=lines[-1])
        text = say("cannot-import", path=display, what=what) + "\n" + excerpt(kata_path, lines[-1])
    else:
        text = say("cannot-import", path=display, what=what)
    return Explanation(say("cannot-import-summary", what=what), text)


def excerpt(path: Path, line: int, *, column: int | None = None, context: int = 2) -> str:
    """The lines around `line` of a file, numbered, with an arrow on `line`."""
    try:
        lines = read_source(path).splitlines()
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError):
        return ""
    first, last = max(1, line - context), min(len(lines), line)
    width = len(str(last))
    shown = []
    for number in range(first, last + 1):
        marker = "->" if number == line else "  "
        shown.append(f"  {marker} {number:>{width}} | {lines[number - 1]}")
    if column and first <= line <= last:
        shown.append(" " * (8 + width + column - 1) + "^")
    return "\n".join(shown)
