"""Solutions stay out of sight until their kata passes; then `pytest --solution` shows them.

In a learner's run nothing under solutions/ is collected (see `learner.LearnerRun`), and
`SolutionGuard` refuses to import a solution module whose kata has not passed yet.
"""

from __future__ import annotations

import difflib
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

import pytest
from _pytest._io import TerminalWriter

from pytest_katas.catalog import Catalog, Kata
from pytest_katas.layout import Layout
from pytest_katas.progress import Progress


class SolutionGuard(importlib.abc.MetaPathFinder):
    """Refuses `import solutions.…` for a kata that has not passed yet, naming that kata."""

    def __init__(self, layout: Layout, catalog: Catalog, is_unlocked: Callable[[Kata], bool]):
        self.layout = layout
        self.catalog = catalog
        self.is_unlocked = is_unlocked

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        top, *rest = fullname.split(".")
        if top != self.layout.solutions_dir.name or not rest:
            return None
        module = self.layout.solutions_dir.joinpath(*rest).with_suffix(".py")
        if not module.is_file():
            return None
        kata = self.catalog.kata_at(self.layout.kata_of(module))
        if kata is not None and self.is_unlocked(kata):
            return None
        if kata is None:
            message = (
                f"{fullname} is a solution module, and solutions stay hidden in a learner's run"
            )
        else:
            message = (
                f"{fullname} is the solution to {kata.display} and stays hidden until that kata "
                f"passes: solve {kata.title} to unlock it"
            )
        raise ImportError(message, name=fullname)

    def install(self) -> None:
        sys.meta_path.insert(0, self)

    def uninstall(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


def show_solution(
    kata: Kata, layout: Layout, progress: Progress, writer: TerminalWriter
) -> pytest.ExitCode:
    """Show the reference solution beside the learner's file, as a diff; refuse while locked."""
    if not progress.status(kata).unlocked:
        writer.line(
            f"The solution to {kata.display} ({kata.title}) is locked: it unlocks when the kata "
            f"passes. Run pytest {kata.display}, or pytest --hint {kata.display} for a hint.",
            red=True,
        )
        return pytest.ExitCode.TESTS_FAILED
    solution = layout.solution_of(kata.path)
    try:
        reference = solution.read_text(encoding="utf-8").splitlines(keepends=True)
    except OSError:
        raise pytest.UsageError(
            f"{layout.display(solution)} is missing from this copy of the repository; "
            "restore it with git"
        ) from None
    yours = kata.path.read_text(encoding="utf-8").splitlines(keepends=True)
    writer.line(f"{kata.title}: your {kata.display} against the reference solution", bold=True)
    diff = list(
        difflib.unified_diff(
            yours,
            reference,
            fromfile=f"{kata.display} (yours)",
            tofile=f"{layout.display(solution)} (reference)",
        )
    )
    if not diff:
        writer.line("Your file matches the reference solution line for line.", green=True)
        return pytest.ExitCode.OK
    for line in diff:
        text = line.rstrip("\n")
        if line.startswith(("+++", "---")):
            writer.line(text, bold=True)
        elif line.startswith("@@"):
            writer.line(text, cyan=True)
        elif line.startswith("+"):
            writer.line(text, green=True)
        elif line.startswith("-"):
            writer.line(text, red=True)
        else:
            writer.line(text)
    writer.line()
    writer.line("Lines with - are yours, lines with + the reference's.")
    return pytest.ExitCode.OK
