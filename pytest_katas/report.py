"""The learner's report at the end of `pytest katas/`: progress per topic in learner order, the kata
to work on next with its failure in full, every other failure on one line, and the hint command."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pytest
from _pytest._io import TerminalWriter

from pytest_katas.catalog import Catalog, Kata, Topic
from pytest_katas.progress import Progress

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

    def render(self) -> None:
        quiet = self.config.get_verbosity() < 0
        self.terminal.write_sep("=", "pytest-katas: your progress", bold=True)
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
            self.write(
                f"Solved for the first time: {kata.title} ({kata.display}). Its solution is "
                f"unlocked: pytest --solution {kata.display}",
                green=True,
            )
        unfinished = [kata for kata in self.catalog.katas if not self.progress.status(kata).passed]
        if not unfinished:
            self.render_all_green()
            return
        focus = next((kata for kata in unfinished if kata.id in self.results), unfinished[0])
        if self.show_failures:
            self.render_other_failures(focus)
        self.render_focus(focus)
        self.render_hint_command(focus)

    def render_progress(self, *, quiet: bool) -> None:
        rows = topic_progress(self.catalog, self.progress)
        unicode = _can_encode("█░")
        width = max((len(row.topic.title) for row in rows), default=0)
        width = max(width, len("All katas"))
        total_katas = sum(len(row.topic.katas) for row in rows)
        self.widths = (len(str(total_katas)), len(str(sum(row.steps_total for row in rows))))
        if not quiet:
            for row in rows:
                self.write_row(row.topic.title, width, row, len(row.topic.katas), unicode)
        all_topics = TopicProgress(
            Topic("", "All katas", ()),
            sum(row.katas_passed for row in rows),
            sum(row.steps_passed for row in rows),
            sum(row.steps_total for row in rows),
        )
        self.write_row("All katas", width, all_topics, total_katas, unicode, bold=True)

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
        self.terminal.write(f"{title:<{width}}  ", bold=bold)
        self.terminal.write(bar(row.steps_passed, row.steps_total, unicode=unicode), **colour)
        kata_width, step_width = self.widths
        counts = (
            f"{row.katas_passed:>{kata_width}}/{katas:<{kata_width}} katas  "
            f"{row.steps_passed:>{step_width}}/{row.steps_total:<{step_width}} steps"
        )
        self.terminal.write(f"  {counts}\n", bold=bold)

    def render_all_green(self) -> None:
        count = len(self.catalog.katas)
        self.write(
            f"All {count} katas are green. Congratulations: you have seen how Python really works "
            "underneath!",
            green=True,
            bold=True,
        )
        self.write("Every solution is unlocked: compare yours with pytest --solution KATA_PATH.")

    def render_focus(self, focus: Kata) -> None:
        self.terminal.write_sep("-", f"next up: {focus.display}", bold=True)
        self.write(f"{focus.title}", bold=True)
        lesson = focus.lesson.split("\n\n", 1)[0].strip()
        if lesson:
            self.write(lesson)
        reports = self.failures.get(focus.id, [])
        if focus.id not in self.results:
            self.write(f"(not run this time: pytest {focus.display})")
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
            noun = "step" if status.total_steps == 1 else "steps"
            steps = f"{failing} of {status.total_steps} {noun} failing"
            lines.append(f"{kata.display} ({steps}): {self.summary_of(reports[0])}")
        if not lines:
            return
        what = "step" if per_step else "kata"
        self.write()
        self.write(f"Also failing, one line per {what}:", bold=True)
        width = max(self.config.get_terminal_writer().fullwidth, 160)
        for line in lines:
            line = f"  {line}"
            if len(line) > width:
                line = line[: width - 1] + "…"
            self.write(line, red=True)

    def render_hint_command(self, focus: Kata) -> None:
        used = self.progress.katas[focus.id].hints_used if focus.id in self.progress.katas else 0
        left = max(len(focus.hints) - used, 0)
        self.write()
        if left:
            self.write(
                f"Stuck on {focus.title}? Run pytest --hint for a hint ({left} of "
                f"{len(focus.hints)} left).",
                bold=True,
            )
        else:
            self.write(
                f"Stuck on {focus.title}? pytest --hint shows its hints again; all "
                f"{len(focus.hints)} are out.",
                bold=True,
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


def _can_encode(text: str) -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
