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
from pytest_katas.timelimit import StepTimeLimit


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
    instruction = blank.instruction()
    text = f"{instruction[0].upper()}{instruction[1:]} of {display}:"
    return Explanation(instruction, f"{text}\n{excerpt(kata_path, blank.line)}")


def _explain_time_limit(
    error: StepTimeLimit, traceback: TracebackType | None, kata_path: Path, display: str
) -> Explanation:
    lines = [
        entry.lineno for entry in tb.extract_tb(traceback) if Path(entry.filename) == kata_path
    ]
    where = f" and was stopped on line {lines[-1]}" if lines and lines[-1] else ""
    summary = f"did not finish within {error.seconds:g} s{where}: an endless loop?"
    text = (
        f"{display}: the step did not finish within {error.seconds:g} s{where}.\n"
        "The likely cause is an endless loop: a `while True` that never reaches break or return, "
        "a for loop or list() over a generator that never stops, or a coroutine awaiting "
        "something that never happens."
    )
    if lines and lines[-1]:
        text += "\n" + excerpt(kata_path, lines[-1])
    return Explanation(summary, text)


def explain_import_failure(error: BaseException, kata_path: Path, display: str) -> Explanation:
    """A kata module that cannot be imported, such as one with a syntax error."""
    if isinstance(error, SyntaxError) and error.lineno is not None:
        line = error.lineno
        what = f"{type(error).__name__} on line {line}: {error.msg}"
        text = f"{display} cannot be imported: {what}. Fix that line and run again.\n"
        text += excerpt(kata_path, line, column=error.offset)
        return Explanation(f"cannot be imported: {what}", text)
    lines = [
        entry.lineno
        for entry in tb.extract_tb(error.__traceback__)
        if Path(entry.filename) == kata_path
    ]
    what = f"{type(error).__name__}: {error}"
    if lines and lines[-1]:
        what += f" (line {lines[-1]})"
        text = f"{display} cannot be imported: {what}. Fix it and run again.\n"
        text += excerpt(kata_path, lines[-1])
    else:
        text = f"{display} cannot be imported: {what}. Fix it and run again."
    return Explanation(f"cannot be imported: {what}", text)


def excerpt(path: Path, line: int, *, column: int | None = None, context: int = 2) -> str:
    """The lines around `line` of a file, numbered, with an arrow on `line`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
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
