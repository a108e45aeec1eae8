"""`pytest --hint`: the next hint for a kata, one more each time, remembered between runs."""

from __future__ import annotations

import pytest
from _pytest._io import TerminalWriter

from pytest_katas.catalog import Kata
from pytest_katas.i18n import Messages, current_language
from pytest_katas.progress import Progress

say = Messages(
    {
        "heading": {
            "en": "Hint {shown} of {total} for {path}: {title}",
            "zh": "{path}「{title}」的提示，第 {shown} 条（共 {total} 条）",
        },
        "one-left": {
            "en": "1 more hint left: {how} for the next one.",
            "zh": "还剩 1 条提示：{how}就能看到。",
        },
        "more-left": {
            "en": "{count} more hints left: {how} for the next one.",
            "zh": "还剩 {count} 条提示：{how}看下一条。",
        },
        "again": {
            "en": "run {pytest} --hint {path} again",
            "zh": "再运行一次 {pytest} --hint {path} ",
        },
        "solved": {
            "en": "{path} is solved: no hint was spent. Compare with the reference: "
            "{pytest} --solution {path}",
            "zh": "{path} 已经通过：没有用掉提示。和参考答案对照：{pytest} --solution {path}",
        },
        "again-watching": {"en": "press h and Enter again", "zh": "再按一次 h 和回车"},
        "reveal-heading": {
            "en": "The answers of {path}: {title}",
            "zh": "{path}「{title}」的答案",
        },
        "line": {"en": "line {line}", "zh": "第 {line} 行"},
        "nothing-to-reveal": {
            "en": "This kata asks you to write code, not to predict values: its reference "
            "solution unlocks when it passes.",
            "zh": "这个练习要你写代码，而不是预测值：通过之后参考答案就会解锁。",
        },
        "revealed": {
            "en": "Your progress records that the answers of {path} were revealed.",
            "zh": "你的进度里会记下：{path} 的答案已经看过了。",
        },
        "no-more": {
            "en": "That is every hint. The solution unlocks when the kata passes: {pytest} {path}",
            "zh": "提示已经全部给出。练习通过后参考答案就会解锁：{pytest} {path}",
        },
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
    writer.line(say("heading", shown=shown, total=total, path=typed, title=title), bold=True)
    for number, hint in enumerate(hints[:shown], start=1):
        newest = number == shown and fresh
        writer.line(f"{'>' if newest else ' '} {number}. {hint}", bold=newest)
    left = total - shown
    if left:
        how = say("again-watching") if watching else say("again", path=typed)
        writer.line(
            say("one-left", how=how) if left == 1 else say("more-left", count=left, how=how)
        )
    else:
        writer.line(say("no-more", path=typed))
    return pytest.ExitCode.OK


def reveal_answers(
    kata: Kata, progress: Progress, writer: TerminalWriter, answers: list[tuple[int, str]]
) -> pytest.ExitCode:
    """Print the reference answer of each predict blank of `kata` (`answers`: line and text, from
    `shipped.answers`) and record in `progress` that they were revealed."""
    progress.reveal(kata.id)
    title = kata.title_in(current_language())
    writer.line(say("reveal-heading", path=kata.display, title=title), bold=True)
    if not answers:
        writer.line(say("nothing-to-reveal"))
    for line, answer in answers:
        writer.line(f"  {say('line', line=line)}: {answer}")
    writer.line(say("revealed", path=kata.display))
    return pytest.ExitCode.OK
