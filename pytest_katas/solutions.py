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

from pytest_katas.catalog import Catalog, Kata, read_source
from pytest_katas.i18n import Messages, current_language
from pytest_katas.layout import Layout
from pytest_katas.progress import Progress

say = Messages(
    {
        "hidden": {
            "en": "{module} is a solution module, and solutions stay hidden in a learner's run",
            "zh": "{module} 是参考答案模块，练习时参考答案是隐藏的",
        },
        "locked-import": {
            "en": "{module} is the solution to {path} and stays hidden until that kata passes: "
            "solve {title} to unlock it",
            "zh": "{module} 是 {path} 的参考答案，在这个练习通过之前一直隐藏：先完成「{title}」"
            "才能解锁它",
        },
        "locked": {
            "en": "The solution to {path} ({title}) is locked: it unlocks when the kata passes. "
            "Run pytest {path}, or pytest --hint {path} for a hint.",
            "zh": "{path}（{title}）的参考答案还锁着：练习通过后才会解锁。"
            "运行 pytest {path}，或者用 pytest --hint {path} 看提示。",
        },
        "unreadable": {
            "en": "{path} cannot be read as Python source ({error}); save it as UTF-8",
            "zh": "{path} 无法作为 Python 源码读取（{error}）；请把它存成 UTF-8",
        },
        "missing": {
            "en": "{path} is missing from this copy of the repository; restore it with git",
            "zh": "这份仓库里缺少 {path}；用 git 把它恢复回来",
        },
        "heading": {
            "en": "{title}: your {path} against the reference solution",
            "zh": "{title}：你的 {path} 与参考答案的对照",
        },
        "yours": {"en": "yours", "zh": "你的"},
        "reference": {"en": "reference", "zh": "参考答案"},
        "same": {
            "en": "Your file matches the reference solution line for line.",
            "zh": "你的文件和参考答案逐行相同。",
        },
        "legend": {
            "en": "Lines with - are yours, lines with + the reference's.",
            "zh": "以 - 开头的行是你的，以 + 开头的行是参考答案的。",
        },
    }
)


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
            message = say("hidden", module=fullname)
        else:
            title = kata.title_in(current_language())
            message = say("locked-import", module=fullname, path=kata.display, title=title)
        raise ImportError(message, name=fullname)

    def install(self) -> None:
        sys.meta_path.insert(0, self)

    def uninstall(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


def show_solution(
    kata: Kata, layout: Layout, progress: Progress, writer: TerminalWriter, typed: str
) -> pytest.ExitCode:
    """Show the reference solution beside the learner's file, as a diff; refuse while locked.
    `typed`: the kata's path as the learner types it where pytest was started."""
    title = kata.title_in(current_language())
    if not progress.status(kata).unlocked:
        writer.line(say("locked", path=typed, title=title), red=True)
        return pytest.ExitCode.TESTS_FAILED
    solution = layout.solution_of(kata.path)
    try:
        reference = read_source(solution).splitlines(keepends=True)
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError):
        raise pytest.UsageError(say("missing", path=layout.display(solution))) from None
    try:
        yours = read_source(kata.path).splitlines(keepends=True)
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError) as error:
        raise pytest.UsageError(say("unreadable", path=kata.display, error=error)) from None
    writer.line(say("heading", title=title, path=kata.display), bold=True)
    diff = list(
        difflib.unified_diff(
            yours,
            reference,
            fromfile=f"{kata.display} ({say('yours')})",
            tofile=f"{layout.display(solution)} ({say('reference')})",
        )
    )
    if not diff:
        writer.line(say("same"), green=True)
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
    writer.line(say("legend"))
    return pytest.ExitCode.OK
