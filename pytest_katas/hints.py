"""`pytest --hint`: the next hint for a kata, one more each time, remembered between runs."""

from __future__ import annotations

import pytest
from _pytest._io import TerminalWriter

from pytest_katas.catalog import Kata
from pytest_katas.progress import Progress


def show_next_hint(kata: Kata, progress: Progress, writer: TerminalWriter) -> pytest.ExitCode:
    """Reveal one more hint of `kata` (recording it in `progress`) and print all shown so far."""
    if kata.hint_problem is not None:
        raise pytest.UsageError(f"{kata.manifest}: {kata.hint_problem}")
    record = progress.record(kata.id)
    total = len(kata.hints)
    already_all = record.hints_used >= total
    record.hints_used = min(record.hints_used + 1, total)
    shown = record.hints_used
    writer.line(f"Hint {shown} of {total} for {kata.display}: {kata.title}", bold=True)
    for number, hint in enumerate(kata.hints[:shown], start=1):
        newest = number == shown and not already_all
        writer.line(f"{'>' if newest else ' '} {number}. {hint}", bold=newest)
    left = total - shown
    if left:
        more = "1 more hint" if left == 1 else f"{left} more hints"
        writer.line(f"{more} left: run pytest --hint again for the next one.")
    else:
        writer.line(
            f"That is every hint. The solution unlocks when the kata passes: pytest {kata.display}"
        )
    return pytest.ExitCode.OK
