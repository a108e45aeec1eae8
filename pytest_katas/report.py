"""The learner's report at the end of `pytest katas/`: progress per topic in learner order, the kata
to work on next with its failure in full, every other failure on one line, and the hint command."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pytest
from _pytest._io import TerminalWriter

from pytest_katas.catalog import Catalog, Kata, Topic
from pytest_katas.i18n import Messages, current_language
from pytest_katas.layout import typed_path
from pytest_katas.progress import Progress

say = Messages(
    {
        "heading": {"en": "pytest-katas: your progress", "zh": "pytest-katas：你的进度"},
        "all-katas": {"en": "All katas", "zh": "全部练习"},
        "counts": {
            "en": "{katas_passed}/{katas} katas  {steps_passed}/{steps} steps",
            "zh": "{katas_passed}/{katas} 个练习  {steps_passed}/{steps} 步",
        },
        "first-pass": {
            "en": "Solved for the first time: {title} ({path}). Its solution is unlocked: "
            "pytest --solution {path}",
            "zh": "首次通过：{title}（{path}）。参考答案已解锁：pytest --solution {path}",
        },
        "was-revealed": {
            "en": "(you had asked for its answers)",
            "zh": "（你看过它的答案）",
        },
        "all-green": {
            "en": "All {count} katas are green. Congratulations: you have seen how Python really "
            "works underneath!",
            "zh": "全部 {count} 个练习都通过了。恭喜你：你已经看清了 Python 底层的真实运作！",
        },
        "all-unlocked": {
            "en": "Every solution is unlocked: compare yours with pytest --solution KATA_PATH.",
            "zh": "所有参考答案都已解锁：用 pytest --solution 练习路径 和你的答案对照。",
        },
        "next-up": {"en": "next up: {path}", "zh": "下一个：{path}"},
        "not-run": {
            "en": "(not run this time: pytest {path})",
            "zh": "（本次没有运行它：pytest {path}）",
        },
        "steps-failing": {
            "en": "{failing} of {total} steps failing",
            "zh": "{total} 步中有 {failing} 步未通过",
        },
        "step-failing": {"en": "{failing} of 1 step failing", "zh": "1 步中有 {failing} 步未通过"},
        "also-failing-kata": {
            "en": "Also failing, one line per kata:",
            "zh": "其他未通过的练习（每个一行）：",
        },
        "also-failing-step": {
            "en": "Also failing, one line per step:",
            "zh": "其他未通过的步骤（每步一行）：",
        },
        "stuck": {
            "en": "Stuck on {title}? Run pytest --hint {path} for a hint ({left} of {total} left).",
            "zh": "卡在「{title}」了？运行 pytest --hint {path} 看一条提示"
            "（共 {total} 条，还剩 {left} 条）。",
        },
        "stuck-no-hints-left": {
            "en": "Stuck on {title}? pytest --hint {path} shows its hints again; all {total} are "
            "out.",
            "zh": "卡在「{title}」了？pytest --hint {path} 会再显示一遍提示；"
            "{total} 条提示已全部给出。",
        },
    }
)

BAR_WIDTH = 20


def one_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


def bar(done: int, total: int, *, unicode: bool) -> str:
    filled = round(BAR_WIDTH * done / total) if total else 0
    full, empty = ("█", "░") if unicode else ("#", "-")
    return full * filled + empty * (BAR_WIDTH - filled)


@dataclass(frozen=True)
class TopicProgress:
    topic: Topic
    katas_passed: int
    steps_passed: int
    steps_total: int


def topic_progress(catalog: Catalog, progress: Progress) -> list[TopicProgress]:
    rows = []
    for topic in catalog.topics:
        statuses = [progress.status(kata) for kata in topic.katas]
        rows.append(
            TopicProgress(
                topic,
                sum(status.passed for status in statuses),
                sum(status.passed_steps for status in statuses),
                sum(status.total_steps for status in statuses),
            )
        )
    return rows


@dataclass
class LearnerReport:
    config: pytest.Config
    terminal: pytest.TerminalReporter
    catalog: Catalog
    progress: Progress
    results: Mapping[str, Mapping[str, bool]]
    """This run's step results, by kata id."""
    failures: Mapping[str, Sequence[pytest.TestReport]]
    first_passes: Sequence[Kata]
    warnings: Sequence[str]
    show_failures: bool
    summary_of: Callable[[pytest.TestReport], str]
    widths: tuple[int, int] = (1, 1)

    def write(self, text: str = "", **markup: bool) -> None:
        self.terminal.write_line(text, **markup)

    def typed(self, kata: Kata) -> str:
        """The kata's path as typed where pytest was started: what printed commands name."""
        return typed_path(kata.path, self.config)

    def sep(self, char: str, title: str, **markup: bool) -> None:
        """pytest's separator line, measured in terminal columns (Chinese takes two each)."""
        room = self.config.get_terminal_writer().fullwidth - _width(title) - 2
        left = max(room // 2, 1)
        self.write(f"{char * left} {title} {char * max(room - left, 1)}", **markup)

    def render(self) -> Kata | None:
        """Print the report; return the kata in focus (None when every kata is green)."""
        quiet = self.config.get_verbosity() < 0
        self.sep("=", say("heading"), bold=True)
        for problem in self.catalog.problems:
            self.write(f"! {problem}", yellow=True)
        for warning in self.warnings:
            self.write(f"! {warning}", yellow=True)
        rendered = self.config.hook.pytest_katas_render_progress(
            config=self.config, catalog=self.catalog, progress=self.progress
        )
        if not rendered:
            self.render_progress(quiet=quiet)
        for kata in self.first_passes:
            line = say("first-pass", title=kata.title_in(current_language()), path=self.typed(kata))
            record = self.progress.katas.get(kata.id)
            if record is not None and record.revealed:
                line += " " + say("was-revealed")
            self.write(line, green=True)
        unfinished = [kata for kata in self.catalog.katas if not self.progress.status(kata).passed]
        if not unfinished:
            self.render_all_green()
            return None
        focus = kata_in_focus(self.catalog, self.progress, self.results)
        assert focus is not None
        if self.show_failures:
            self.render_other_failures(focus)
        self.render_focus(focus)
        self.render_hint_command(focus)
        return focus

    def render_progress(self, *, quiet: bool) -> None:
        rows = topic_progress(self.catalog, self.progress)
        unicode = _can_encode("█░")
        language = current_language()
        all_katas = say("all-katas")
        width = max((_width(row.topic.title_in(language)) for row in rows), default=0)
        width = max(width, _width(all_katas))
        total_katas = sum(len(row.topic.katas) for row in rows)
        self.widths = (len(str(total_katas)), len(str(sum(row.steps_total for row in rows))))
        if not quiet:
            for row in rows:
                self.write_row(
                    row.topic.title_in(language), width, row, len(row.topic.katas), unicode
                )
        all_topics = TopicProgress(
            Topic("", all_katas, ()),
            sum(row.katas_passed for row in rows),
            sum(row.steps_passed for row in rows),
            sum(row.steps_total for row in rows),
        )
        self.write_row(all_katas, width, all_topics, total_katas, unicode, bold=True)

    def write_row(
        self,
        title: str,
        width: int,
        row: TopicProgress,
        katas: int,
        unicode: bool,
        *,
        bold: bool = False,
    ) -> None:
        done = katas > 0 and row.katas_passed == katas
        colour = {"green": True} if done else {"yellow": True} if row.steps_passed else {}
        self.terminal.write(title + " " * (width - _width(title) + 2), bold=bold)
        self.terminal.write(bar(row.steps_passed, row.steps_total, unicode=unicode), **colour)
        kata_width, step_width = self.widths
        counts = say(
            "counts",
            katas_passed=f"{row.katas_passed:>{kata_width}}",
            katas=f"{katas:<{kata_width}}",
            steps_passed=f"{row.steps_passed:>{step_width}}",
            steps=f"{row.steps_total:<{step_width}}",
        )
        self.terminal.write(f"  {counts}\n", bold=bold)

    def render_all_green(self) -> None:
        count = len(self.catalog.katas)
        self.write(say("all-green", count=count), green=True, bold=True)
        self.write(say("all-unlocked"))

    def render_focus(self, focus: Kata) -> None:
        language = current_language()
        self.sep("-", say("next-up", path=self.typed(focus)), bold=True)
        self.write(focus.title_in(language), bold=True)
        lesson = focus.lesson_in(language).split("\n\n", 1)[0].strip()
        if lesson:
            self.write(lesson)
        reports = self.failures.get(focus.id, [])
        if focus.id not in self.results:
            self.write(say("not-run", path=self.typed(focus)))
            return
        if not self.show_failures or self.config.option.tbstyle == "no":
            return
        steps = list(focus.steps)
        for report in sorted(reports, key=lambda report: _step_index(report, steps)):
            self.terminal.write_sep("_", report.nodeid.split("::", 1)[-1], red=True)
            _write_longrepr(report, self.config.get_terminal_writer())

    def render_other_failures(self, focus: Kata) -> None:
        """Every other failing kata on one line (with -v, every other failing step), in learner
        order, above the kata in focus so that the screen ends on what to do next."""
        per_step = self.config.get_verbosity() > 0
        lines = []
        for kata in self.catalog.katas:
            reports = sorted(
                self.failures.get(kata.id, []),
                key=lambda report: _step_index(report, list(kata.steps)),
            )
            if kata.id == focus.id or not reports:
                continue
            if per_step:
                lines += [f"{report.nodeid}: {self.summary_of(report)}" for report in reports]
                continue
            status = self.progress.status(kata)
            failing = status.total_steps - status.passed_steps
            key = "step-failing" if status.total_steps == 1 else "steps-failing"
            steps = say(key, failing=failing, total=status.total_steps)
            lines.append(f"{self.typed(kata)} ({steps}): {self.summary_of(reports[0])}")
        if not lines:
            return
        self.write()
        self.write(say("also-failing-step" if per_step else "also-failing-kata"), bold=True)
        width = max(self.config.get_terminal_writer().fullwidth, 160)
        for line in lines:
            line = f"  {line}"
            if len(line) > width:
                line = line[: width - 1] + "…"
            self.write(line, red=True)

    def render_hint_command(self, focus: Kata) -> None:
        used = self.progress.katas[focus.id].hints_used if focus.id in self.progress.katas else 0
        total = len(focus.hints)
        left = max(total - used, 0)
        title = focus.title_in(current_language())
        self.write()
        key = "stuck" if left else "stuck-no-hints-left"
        self.write(say(key, title=title, left=left, total=total, path=self.typed(focus)), bold=True)


def kata_in_focus(
    catalog: Catalog, progress: Progress, results: Mapping[str, Mapping[str, bool]]
) -> Kata | None:
    """The kata the report shows in full: the first unfinished one this run ran, else the first
    unfinished one in learner order; None when every kata has passed."""
    unfinished = [kata for kata in catalog.katas if not progress.status(kata).passed]
    return next((kata for kata in unfinished if kata.id in results), None) or next(
        iter(unfinished), None
    )


def _write_longrepr(report: pytest.TestReport, writer: TerminalWriter) -> None:
    """A failure's report, as pytest prints it (without xdist's worker line, so that a run with
    -n prints what a serial run prints)."""
    longrepr = report.longrepr
    toterminal = getattr(longrepr, "toterminal", None)
    if callable(toterminal):
        toterminal(writer)
    else:
        writer.line(str(longrepr))


def _step_index(report: pytest.TestReport, steps: list[str]) -> int:
    name = report.nodeid.rsplit("::", 1)[-1].split("[", 1)[0]
    return steps.index(name) if name in steps else len(steps)


def _width(text: str) -> int:
    """How many terminal columns a text takes: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _can_encode(text: str) -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
