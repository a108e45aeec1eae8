"""The learner's report at the end of `pytest katas/`: one page that ends on what to do next.

From top to bottom: the progress per topic (katas not touched yet are counted there, never
listed), the katas the learner is working on (changed, or with a step passed), most recently saved
first, one line each and at most `HANDFUL` of them, then the kata in focus: its title, lesson, its
first failing step in full and the others one line each, and the hint command. Every line fits the
terminal from 60 columns up (see `screen`), and every printed command names the kata by its path as
typed where pytest was started. In plain mode (see `screen.wants_plain`) the bars become words.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from io import StringIO

import pytest
from _pytest._io import TerminalWriter

from pytest_katas.catalog import Catalog, Kata, Topic
from pytest_katas.i18n import N_, Messages, N_plural, command_line, current_language
from pytest_katas.layout import typed_path
from pytest_katas.progress import Progress
from pytest_katas.screen import columns_of, fit, shorten, shorten_start, width, wrap

say = Messages(
    {
        "heading": N_("pytest-katas: your progress"),
        "all-katas": N_("All katas"),
        "counts": N_("{katas_passed}/{katas} katas  {steps_passed}/{steps} steps"),
        "counts-in-words": N_(
            "{title}: {katas_passed} of {katas} katas solved, {steps_passed} of {steps} "
            "steps passed"
        ),
        "first-pass": N_("Solved for the first time: {title}. Its solution is unlocked:"),
        "was-revealed": N_("(you had asked for its answers)"),
        "more-first-passes": N_plural(
            "Also solved for the first time: {titles}",
            "{count} more solved for the first time: {titles}",
        ),
        "all-green": N_(
            "All {count} katas are green. Congratulations: you have seen how Python really "
            "works underneath!"
        ),
        "all-unlocked": N_(
            "Every solution is unlocked: compare yours with {pytest} --solution KATA_PATH."
        ),
        "working-on": N_("Working on (most recently saved first):"),
        "more-working-on": N_("and {count} more you have started: {pytest} {katas} -v lists all"),
        "working-on-unlisted": N_plural(
            "You have started 1 more kata: {pytest} {katas} -v lists it",
            "You have started {count} more katas: {pytest} {katas} -v lists them",
        ),
        "not-started": N_plural(
            "Not started yet: 1 kata (still as shipped).",
            "Not started yet: {count} katas (still as shipped).",
        ),
        "steps": N_("{passed}/{total} steps"),
        "steps-in-words": N_("{passed} of {total} steps passed"),
        "not-run-short": N_("not run this time"),
        "next-up": N_("next up: {path}"),
        "next-up-short": N_("next up"),
        "same-as-above": N_("(the same as above)"),
        "not-run": N_("Not run this time; run it with:"),
        "also-failing": N_("Also failing in this kata:"),
        "step": N_("Step {name}:"),
        "more-failing": N_plural(
            "and 1 more failing step ({pytest} {path} --full-report prints every one)",
            "and {count} more failing steps ({pytest} {path} --full-report prints every one)",
        ),
        "lines-above": N_plural(
            "… 1 line above ({pytest} {path} --full-report prints it)",
            "… {count} lines above ({pytest} {path} --full-report prints them)",
        ),
        "stuck": N_("Stuck? A hint ({left} of {total} left):"),
        "stuck-no-hints-left": N_("Stuck? All {total} hints are out; to see them again:"),
    }
)

Markup = dict[str, bool]
"""Markup for TerminalWriter: {"red": True, "bold": True}."""
BAR_WIDTH = 20
"""The widest a progress bar gets, in columns; narrower terminals get shorter bars."""
NARROWEST_BAR = 12
HANDFUL = 5
MINIMUM_REASON = 14
"""Fewer columns left than this for why a kata fails, and the reason is left out."""
"""How many katas the learner is working on are listed (all of them with -v)."""
PAGE = 50
"""The most lines the report takes, from its heading to pytest's final line (with -v, more)."""
ALSO_FAILING = 8
"""The most other failing steps of the kata in focus listed one line each; the rest are counted."""
LONGEST_FAILURE = 20
"""The most lines one step's failure takes on the page; the rest is above, with --full-report."""


def one_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


def bar(done: int, total: int, columns: int = BAR_WIDTH) -> str:
    """A progress bar of `columns` block characters, `done` of `total` filled."""
    filled = round(columns * done / total) if total else 0
    return "█" * filled + "░" * (columns - filled)


def command_lines(command: str, columns: int) -> list[str]:
    """A command on its own indented line; one too long for the terminal is continued on the next
    line with a backslash, which a POSIX shell reads as the same command."""
    line = f"  {command}"
    if width(line) <= columns:
        return [line]
    head, _, last = command.rpartition(" ")
    indent = " " * max(min(6, columns - width(last)), 0)
    return [f"  {head} \\", f"{indent}{last}"]


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
    is_untouched: Callable[[Kata], bool]
    """Whether the learner's copy of a kata is still as shipped."""
    last_saved: Callable[[Kata], float]
    """When the learner last saved a kata (seconds since the epoch)."""
    plain: bool = False

    def __post_init__(self) -> None:
        self.columns = columns_of(self.config)
        self.written = 0
        """Lines printed so far (see `PAGE`)."""
        self.verbose = self.config.get_verbosity() > 0

    def write(self, text: str = "", **markup: bool) -> None:
        self.terminal.write_line(text, **markup)
        self.written += 1

    def say(self, text: str, **markup: bool) -> None:
        """A paragraph, wrapped to the terminal's width."""
        for line in wrap(text, self.columns):
            self.write(line, **markup)

    def command(self, command: str, **markup: bool) -> None:
        for line in command_lines(command, self.columns):
            self.write(line, **markup)

    def typed(self, kata: Kata) -> str:
        """The kata's path as typed where pytest was started: what printed commands name."""
        return typed_path(kata.path, self.config)

    def sep(self, char: str, title: str, **markup: bool) -> None:
        self.write(self.sep_line(char, title), **markup)

    def sep_line(self, char: str, title: str) -> str:
        """pytest's separator line, measured in terminal columns (Chinese takes two each); in
        plain mode the title alone."""
        if self.plain:
            return title
        room = self.columns - width(title) - 2
        left = max(room // 2, 1)
        return f"{char * left} {title} {char * max(room - left, 1)}"

    def render(self) -> Kata | None:
        """Print the report; return the kata in focus (None when every kata is green)."""
        quiet = self.config.get_verbosity() < 0
        self.sep("=", say("heading"), bold=True)
        for line in [*(p.for_learner() for p in self.catalog.problems), *self.warnings]:
            for part in wrap(line, self.columns, indent="! ", subsequent="  "):
                self.write(part, yellow=True)
        rendered = self.config.hook.pytest_katas_render_progress(
            config=self.config, catalog=self.catalog, progress=self.progress
        )
        if not rendered:
            self.render_progress(quiet=quiet)
        unfinished = [kata for kata in self.catalog.katas if not self.progress.status(kata).passed]
        if not unfinished:
            self.emit(self.first_pass_lines(PAGE - self.written - 5))  # all green: 2 paragraphs
            self.render_all_green()
            return None
        focus = kata_in_focus(self.catalog, self.progress, self.results)
        assert focus is not None
        head, failures, one_liners = self.focus_parts(focus)
        hint = self.hint_lines(focus)
        # what must be on the page; the katas solved in this run, the katas being worked on and
        # more failures in full share the rest, in that order
        needed = len(head) + self._cost(failures, min(len(failures), 1)) + len(hint) + 1
        # the katas being worked on take at least their count
        least = len(self.working_on_lines(focus, unfinished, 0)) if self.show_failures else 0
        self.emit(self.first_pass_lines(PAGE - self.written - needed - least))
        if self.show_failures:
            self.emit(self.working_on_lines(focus, unfinished, PAGE - self.written - needed))
        self.emit(head)
        room = PAGE - self.written - len(hint) - 1  # pytest's final line comes last
        shown = len(failures) if self.verbose else min(len(failures), 1)
        while shown < len(failures) and self._cost(failures, shown + 1) <= room:
            shown += 1
        for lines in failures[:shown]:
            self.emit(lines)
        rest = one_liners[shown:]
        if rest:
            self.write()
            self.say(say("also-failing"), bold=True)
            fits = PAGE - self.written - len(hint) - 1
            listed = len(rest) if self.verbose else min(len(rest), ALSO_FAILING, max(fits, 0))
            more: list[str] = []
            while listed < len(rest):
                count = len(rest) - listed
                text = say("more-failing", count=count, path=self.typed(focus))
                more = wrap(text, self.columns, indent="  ")
                if listed == 0 or listed + len(more) <= fits:
                    break
                listed -= 1
            self.emit(rest[:listed])
            self.emit([(line, {}) for line in more])
        self.emit(hint)
        return focus

    def emit(self, lines: Sequence[tuple[str, Markup]]) -> None:
        for text, markup in lines:
            self.write(text, **markup)

    def render_progress(self, *, quiet: bool) -> None:
        rows = topic_progress(self.catalog, self.progress)
        language = current_language()
        total = TopicProgress(
            Topic("", say("all-katas"), ()),
            sum(row.katas_passed for row in rows),
            sum(row.steps_passed for row in rows),
            sum(row.steps_total for row in rows),
        )
        shown = [total] if quiet else [*rows, total]
        titles = [row.topic.title_in(language) for row in shown]
        if self.plain:
            for title, row in zip(titles, shown, strict=True):
                katas = self.katas_in(row, total)
                self.say(
                    say(
                        "counts-in-words",
                        title=title,
                        katas_passed=row.katas_passed,
                        katas=katas,
                        steps_passed=row.steps_passed,
                        steps=row.steps_total,
                    ),
                    bold=row is total,
                )
            return
        kata_width = len(str(len(self.catalog.katas)))
        step_width = len(str(total.steps_total))
        counts = [
            say(
                "counts",
                katas_passed=f"{row.katas_passed:>{kata_width}}",
                katas=f"{self.katas_in(row, total):<{kata_width}}",
                steps_passed=f"{row.steps_passed:>{step_width}}",
                steps=f"{row.steps_total:<{step_width}}",
            )
            for row in shown
        ]
        counts_width = max(map(width, counts))
        # long titles are shortened before a bar gets narrower than NARROWEST_BAR
        room = self.columns - counts_width - 4
        title_width = min(max(map(width, titles)), room - NARROWEST_BAR)
        bar_width = min(BAR_WIDTH, room - title_width)
        for title, row, count in zip(titles, shown, counts, strict=True):
            title = shorten(title, title_width)
            katas = self.katas_in(row, total)
            done = katas > 0 and row.katas_passed == katas
            colour = {"green": True} if done else {"yellow": True} if row.steps_passed else {}
            bold = row is total
            self.terminal.write(title + " " * (title_width - width(title) + 2), bold=bold)
            self.terminal.write(bar(row.steps_passed, row.steps_total, bar_width), **colour)
            self.terminal.write(f"  {count}\n", bold=bold)
            self.written += 1

    def katas_in(self, row: TopicProgress, total: TopicProgress) -> int:
        return len(self.catalog.katas) if row is total else len(row.topic.katas)

    def first_pass_lines(self, room: int) -> list[tuple[str, Markup]]:
        """The katas solved for the first time in this run, each with the command that shows its
        solution, as many as `room` lines allow (all with -v); the others are named on one line."""
        language = current_language()
        green = {"green": True}
        blocks = []
        for kata in self.first_passes:
            line = say("first-pass", title=kata.title_in(language))
            record = self.progress.katas.get(kata.id)
            if record is not None and record.revealed:
                line += " " + say("was-revealed")
            command = f"{command_line('pytest')} --solution {self.typed(kata)}"
            blocks.append(
                [(text, green) for text in wrap(line, self.columns)]
                + [(text, green) for text in command_lines(command, self.columns)]
            )
        shown = len(blocks)
        if not self.verbose:
            while shown and sum(map(len, blocks[:shown])) + (shown < len(blocks)) > room:
                shown -= 1
        lines = [line for block in blocks[:shown] for line in block]
        rest = self.first_passes[shown:]
        if rest:
            titles = ", ".join(kata.title_in(language) for kata in rest)
            more = say("more-first-passes", count=len(rest), titles=titles)
            lines.append((shorten(more, self.columns), green))
        return lines

    def render_all_green(self) -> None:
        self.say(say("all-green", count=len(self.catalog.katas)), green=True, bold=True)
        self.say(say("all-unlocked"))

    def working_on_lines(
        self, focus: Kata, unfinished: list[Kata], room: int
    ) -> list[tuple[str, Markup]]:
        """The katas the learner has started, other than the one in focus: most recently saved
        first, one line each, as many as `room` lines allow (at most `HANDFUL`; all with -v);
        those still as shipped are only counted."""
        started, untouched = [], 0
        for kata in unfinished:
            if kata.id == focus.id:
                continue
            if self.progress.status(kata).passed_steps or not self.is_untouched(kata):
                started.append(kata)
            else:
                untouched += 1
        started.sort(key=self.last_saved, reverse=True)
        shown = len(started) if self.verbose else min(HANDFUL, len(started))
        lines = self._working_on(started[:shown], len(started), untouched)
        while shown and not self.verbose and len(lines) > room:
            shown -= 1
            lines = self._working_on(started[:shown], len(started), untouched)
        return lines

    def _working_on(
        self, listed: list[Kata], started: int, untouched: int
    ) -> list[tuple[str, Markup]]:
        """The lines of `working_on_lines` listing `listed` of the `started` katas."""
        lines: list[tuple[str, Markup]] = [("", {})]
        if listed:
            lines += [(line, {"bold": True}) for line in wrap(say("working-on"), self.columns)]
        lines += [(line, {"red": True}) for line in self.working_on_entries(listed)]
        if len(listed) < started:
            katas = typed_path(self.catalog.katas_dir, self.config)
            key = "more-working-on" if listed else "working-on-unlisted"
            more = say(key, count=started - len(listed), katas=katas)
            lines += [
                (line, {}) for line in wrap(more, self.columns, indent="  " if listed else "")
            ]
        if untouched:
            not_started = say("not-started", count=untouched)
            lines += [(line, {}) for line in wrap(not_started, self.columns)]
        return lines if len(lines) > 1 else []

    def working_on_entries(self, katas: list[Kata]) -> list[str]:
        """One line per kata, in columns: its path, its steps passed, and why its first failing
        step fails. Where the room runs out, the reason is shortened or left out first, then the
        path loses its start (never its file name, as far as the terminal allows)."""
        rows = []
        for kata in katas:
            status = self.progress.status(kata)
            key = "steps-in-words" if self.plain else "steps"
            steps = say(key, passed=status.passed_steps, total=status.total_steps)
            reports = sorted(
                self.failures.get(kata.id, []),
                key=lambda report: _step_index(report, list(kata.steps)),
            )
            why = self.summary_of(reports[0]) if reports else say("not-run-short")
            rows.append((self.typed(kata), steps, why))
        steps_width = max((width(steps) for _, steps, _ in rows), default=0)
        path_width = max((width(path) for path, _, _ in rows), default=0)
        path_width = min(path_width, self.columns - 4 - steps_width)
        lines = []
        for path, steps, why in rows:
            path = shorten_start(path, path_width)
            line = f"  {path}{' ' * (path_width - width(path))}  {steps}"
            room = self.columns - width(line) - 2
            if room >= MINIMUM_REASON:
                line += ": " + shorten(why, room)
            lines.append(line)
        return lines

    def focus_parts(
        self, focus: Kata
    ) -> tuple[list[tuple[str, Markup]], list[list[tuple[str, Markup]]], list[tuple[str, Markup]]]:
        """The kata in focus: its heading (path, title, lesson), each failing step in full, and
        each failing step in one line (the page shows as many in full as it has room for: the
        first always, every one with -v)."""
        language = current_language()
        path = self.typed(focus)
        bold = {"bold": True}
        title = say("next-up", path=path)
        head: list[tuple[str, Markup]] = []
        if width(title) + 10 <= self.columns:
            head.append((self.sep_line("-", title), bold))
        else:
            head += [(self.sep_line("-", say("next-up-short")), bold), (path, {})]
        head += [(line, bold) for line in wrap(focus.title_in(language), self.columns)]
        lesson = focus.lesson_in(language).split("\n\n", 1)[0].strip()
        if lesson:
            head += [(line, {}) for line in wrap(" ".join(lesson.split()), self.columns)]
        if focus.id not in self.results:
            head += [(line, {}) for line in wrap(say("not-run"), self.columns)]
            run_it = f"{command_line('pytest')} {path}"
            head += [(line, {}) for line in command_lines(run_it, self.columns)]
            return head, [], []
        if not self.show_failures or self.config.option.tbstyle == "no":
            return head, [], []
        steps = list(focus.steps)
        reports = sorted(
            self.failures.get(focus.id, []), key=lambda report: _step_index(report, steps)
        )
        in_full = [self.failure_lines(report, path) for report in reports]
        seen: set[tuple[str, ...]] = set()
        for index, lines in enumerate(in_full):
            # a kata changed outside its blanks fails every step with one paragraph: say it once
            body = tuple(text for text, _ in lines[1:])
            if body in seen:
                in_full[index] = [lines[0], (say("same-as-above"), {})]
            seen.add(body)
        one_liners: list[tuple[str, Markup]] = []
        for report in reports:
            step = report.nodeid.rsplit("::", 1)[-1]
            line = shorten(f"  {self.summary_of(report)} ({step})", self.columns)
            one_liners.append((line, {"red": True}))
        return head, in_full, one_liners

    @staticmethod
    def _cost(in_full: list[list[tuple[str, Markup]]], shown: int) -> int:
        """The lines taken by the first `shown` failures in full and the rest one line each (at
        most `ALSO_FAILING`, then a line that counts the others)."""
        rest = len(in_full) - shown
        if not rest:
            return sum(map(len, in_full[:shown]))
        listed = min(rest, ALSO_FAILING)
        return sum(map(len, in_full[:shown])) + listed + (2 if rest > listed else 0) + 2

    def failure_lines(self, report: pytest.TestReport, path: str) -> list[tuple[str, Markup]]:
        """One step's failure as pytest would print it, fitted to the terminal's width, at most
        `LONGEST_FAILURE` lines (the end, where the error is)."""
        step = report.nodeid.rsplit("::", 1)[-1]
        if self.plain:
            heading = say("step", name=step)
        elif width(step) + 4 > self.columns:
            heading = shorten(step, self.columns)
        else:
            heading = self.sep_line("_", step)
        lines = fit(_longrepr_text(report, self.config, self.columns), self.columns)
        if len(lines) > LONGEST_FAILURE:
            # the note is wrapped, never cut: it holds a command
            notes = wrap(say("lines-above", count=len(lines), path=path), self.columns)
            above = len(lines) - LONGEST_FAILURE + len(notes)
            notes = wrap(say("lines-above", count=above, path=path), self.columns)
            lines = [*notes, *lines[above:]]
        return [(heading, {"red": True, "bold": True}), *((line, {}) for line in lines)]

    def hint_lines(self, focus: Kata) -> list[tuple[str, Markup]]:
        """The hint command that ends the page, and what it says about the hints left."""
        used = self.progress.katas[focus.id].hints_used if focus.id in self.progress.katas else 0
        total = len(focus.hints)
        left = max(total - used, 0)
        key = "stuck" if left else "stuck-no-hints-left"
        text = say(key, left=left, total=total)
        command = f"{command_line('pytest')} --hint {self.typed(focus)}"
        bold = {"bold": True}
        return [
            ("", {}),
            *((line, bold) for line in wrap(text, self.columns)),
            *((line, bold) for line in command_lines(command, self.columns)),
        ]


def kata_in_focus(catalog: Catalog, progress: Progress, ran: Container[str]) -> Kata | None:
    """The kata the report shows in full: the first unfinished one this run ran (`ran`: kata
    ids, such as the run's results by kata id), else the first unfinished one in learner order;
    None when every kata has passed."""
    unfinished = [kata for kata in catalog.katas if not progress.status(kata).passed]
    return next((kata for kata in unfinished if kata.id in ran), None) or next(
        iter(unfinished), None
    )


def _longrepr_text(report: pytest.TestReport, config: pytest.Config, columns: int) -> str:
    """A failure's report as pytest prints it (without xdist's worker line, so that a run with
    -n prints what a serial run prints), keeping the run's colours."""
    longrepr = report.longrepr
    toterminal = getattr(longrepr, "toterminal", None)
    if not callable(toterminal):
        return str(longrepr)
    buffer = StringIO()
    writer = TerminalWriter(buffer)
    writer.hasmarkup = config.get_terminal_writer().hasmarkup
    writer.fullwidth = columns
    toterminal(writer)
    return buffer.getvalue()


def _step_index(report: pytest.TestReport, steps: list[str]) -> int:
    name = report.nodeid.rsplit("::", 1)[-1].split("[", 1)[0]
    return steps.index(name) if name in steps else len(steps)
