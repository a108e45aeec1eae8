"""`pytest --hint`: the next hint for a kata, one more each time, remembered between runs."""

from __future__ import annotations

import pytest
from _pytest._io import TerminalWriter

from pytest_katas.catalog import Kata
from pytest_katas.i18n import N_, Messages, N_plural, current_language
from pytest_katas.progress import Progress
from pytest_katas.screen import paragraph

say = Messages(
    {
        "heading": N_("Hint {shown} of {total} for {path}: {title}"),
        "left": N_plural(
            "1 more hint left: {how} for the next one.",
            "{count} more hints left: {how} for the next one.",
        ),
        "again": N_("run {pytest} --hint {path} again"),
        "solved": N_(
            "{path} is solved: no hint was spent. Compare with the reference: "
            "{pytest} --solution {path}"
        ),
        "again-watching": N_("press h and Enter again"),
        "reveal-heading": N_("The answers of {path}: {title}"),
        "line": N_("line {line}"),
        "nothing-to-reveal": N_(
            "This kata asks you to write code, not to predict values: its reference "
            "solution unlocks when it passes."
        ),
        "revealed": N_("Your progress records that the answers of {path} were revealed."),
        "no-more": N_(
            "That is every hint. The solution unlocks when the kata passes: {pytest} {path}"
        ),
    }
)


def spend_hint(kata: Kata, progress: Progress) -> None:
    """Record one more hint of `kata` as shown (never more than it has). Raises
    pytest.UsageError when its hints cannot be read."""
    if kata.hint_problem is not None:
        raise pytest.UsageError(f"{kata.manifest}: {kata.hint_problem}")
    record = progress.record(kata.id)
    record.hints_used = min(record.hints_used + 1, len(kata.hints_in(current_language())))


def show_hints(
    kata: Kata,
    progress: Progress,
    writer: TerminalWriter,
    *,
    before: int,
    watching: bool = False,
    typed: str | None = None,
) -> pytest.ExitCode:
    """Print every hint of `kata` shown so far, the newest marked when it was not shown `before`
    (the count before this one was spent); `watching` says how to ask again in watch mode
    (h + Enter) rather than with `pytest --hint`; `typed`, the kata's path as typed where pytest
    was started (default: from the root)."""
    typed = typed or kata.display
    language = current_language()
    hints = kata.hints_in(language)
    total = len(hints)
    shown = progress.record(kata.id).hints_used
    fresh = shown > before
    title = kata.title_in(language)
    paragraph(writer, say("heading", shown=shown, total=total, path=typed, title=title), bold=True)
    for number, hint in enumerate(hints[:shown], start=1):
        newest = number == shown and fresh
        first = f"{'>' if newest else ' '} {number}. "
        paragraph(writer, hint, indent=first, subsequent=" " * len(first), bold=newest)
    left = total - shown
    if left:
        how = say("again-watching") if watching else say("again", path=typed)
        paragraph(writer, say("left", count=left, how=how))
    else:
        paragraph(writer, say("no-more", path=typed))
    return pytest.ExitCode.OK


def reveal_answers(
    kata: Kata, progress: Progress, writer: TerminalWriter, answers: list[tuple[int, str]]
) -> pytest.ExitCode:
    """Print the reference answer of each predict blank of `kata` (`answers`: line and text, from
    `shipped.answers`) and record in `progress` that they were revealed."""
    progress.reveal(kata.id)
    title = kata.title_in(current_language())
    paragraph(writer, say("reveal-heading", path=kata.display, title=title), bold=True)
    if not answers:
        paragraph(writer, say("nothing-to-reveal"))
    for line, answer in answers:
        writer.line(f"  {say('line', line=line)}: {answer}")
    paragraph(writer, say("revealed", path=kata.display))
    return pytest.ExitCode.OK
