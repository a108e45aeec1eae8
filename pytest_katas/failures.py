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
from pytest_katas.i18n import Messages
from pytest_katas.timelimit import StepTimeLimit

say = Messages(
    {
        "blank": {
            "en": "Fill in the blank on line {line} of {path}:",
            "zh": "填上 {path} 第 {line} 行的空：",
        },
        "body": {
            "en": "Write the body of {function}() on line {line} of {path}:",
            "zh": "写出 {path} 第 {line} 行 {function}() 的函数体：",
        },
        "stopped-at": {"en": " and was stopped on line {line}", "zh": "，停在了第 {line} 行"},
        "too-long-summary": {
            "en": "did not finish within {seconds} s{where}: an endless loop?",
            "zh": "没能在 {seconds} 秒内结束{where}：是死循环吗？",
        },
        "one-call-summary": {
            "en": "did not finish within {seconds} s{where}: one call took {late} s more",
            "zh": "没能在 {seconds} 秒内结束{where}：一次调用又多用了 {late} 秒",
        },
        "one-call": {
            "en": "{path}: the step did not finish within {seconds} s{where}.\n"
            "The time went into one call that ran {late} s past the limit before it returned: "
            "a very large allocation or computation done in C, not a loop of Python code. "
            "Make the data or the work smaller.",
            "zh": "{path}：这一步没能在 {seconds} 秒内结束{where}。\n"
            "时间花在了一次调用上，它超过时限 {late} 秒之后才返回：这是一次在 C 里完成的很大的"
            "内存分配或计算，而不是 Python 代码的循环。请把数据或工作量变小。",
        },
        "too-long": {
            "en": "{path}: the step did not finish within {seconds} s{where}.\n"
            "The likely cause is an endless loop: a `while True` that never reaches break or "
            "return, a for loop or list() over a generator that never stops, or a coroutine "
            "awaiting something that never happens.",
            "zh": "{path}：这一步没能在 {seconds} 秒内结束{where}。\n"
            "最可能的原因是死循环：一个永远走不到 break 或 return 的 `while True`，"
            "一个对永不停止的生成器做的 for 循环或 list()，"
            "或者一个在 await 永远不会发生的事情的协程。",
        },
        "syntax": {
            "en": "{kind} on line {line}: {message}",
            "zh": "第 {line} 行有 {kind}：{message}",
        },
        "cannot-import-summary": {
            "en": "cannot be imported: {what}",
            "zh": "无法导入：{what}",
        },
        "cannot-import-syntax": {
            "en": "{path} cannot be imported: {what}. Fix that line and run again.",
            "zh": "{path} 无法导入：{what}。改好这一行再运行。",
        },
        "cannot-import": {
            "en": "{path} cannot be imported: {what}. Fix it and run again.",
            "zh": "{path} 无法导入：{what}。改好它再运行。",
        },
        "empty-summary": {
            "en": "the file is empty",
            "zh": "文件是空的",
        },
        "empty": {
            "en": "{path} is empty: get the kata back from git (git checkout -- {path}) or from "
            "a backup, and run again.",
            "zh": "{path} 是空的：从 git（git checkout -- {path}）或备份中恢复这个练习，"
            "再运行一次。",
        },
        "at-line": {"en": "{what} (line {line})", "zh": "{what}（第 {line} 行）"},
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
