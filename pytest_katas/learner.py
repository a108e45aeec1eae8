"""A learner's run (`pytest katas/`): katas in learner order, failures explained, progress kept.

Solutions stay out of sight: nothing under solutions/ is collected, and importing a solution module
whose kata has not passed yet is refused (see `solutions.SolutionGuard`).
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pytest_katas.answers import answer_lines, explain_wrong_answer
from pytest_katas.catalog import Catalog, Kata, display_path, read_source, resolved
from pytest_katas.failures import explain_import_failure, explain_step_failure
from pytest_katas.json_report import write_run_report
from pytest_katas.layout import Layout
from pytest_katas.progress import Progress, ProgressStore, journal
from pytest_katas.report import LearnerReport, one_line
from pytest_katas.shipped import Tampering, check_learner_copy, raises_blanks, shipped_source
from pytest_katas.shipped import say as shipped_messages

UNLOADABLE = "kata-cannot-be-imported"
"""The name of the one failing step that stands for a kata module that cannot be imported."""
SUMMARY_ATTRIBUTE = "katas_summary"
"""Set on the report of a failure the plugin explains: its one-line summary (survives xdist)."""


class KataLoadError(Exception):
    """A kata module could not be imported; the message says why and where."""


class EmptyKataError(Exception):
    """A kata file with nothing in it (emptied by mistake, or a failed save)."""


class UnloadableKata(pytest.Item):
    """Stands for a kata that cannot be imported, so that it fails like a kata, not like a run."""

    def __init__(self, *, error: BaseException, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        display = display_path(self.path, resolved(self.config.rootpath))
        self.explanation = explain_import_failure(error, self.path, display)

    def runtest(self) -> None:
        raise KataLoadError(self.explanation.text)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: object = None,
    ) -> str:
        return self.explanation.text

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, self.name


class KataModule(pytest.Module):
    """A kata module: one that cannot be imported becomes one failing step instead of a
    collection error, which would stop the whole run."""

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        try:
            if not self.path.read_bytes().strip():
                raise EmptyKataError(self.path)
            return list(super().collect())
        except (Exception, SystemExit) as error:  # sys.exit() at a kata's top level too
            cause = error.__cause__ if isinstance(error, pytest.Collector.CollectError) else None
            return [UnloadableKata.from_parent(self, name=UNLOADABLE, error=cause or error)]


@dataclass
class RunResults:
    """What one run found out, kata by kata."""

    steps: dict[str, dict[str, bool]] = field(default_factory=dict)
    failures: dict[str, list[pytest.TestReport]] = field(default_factory=dict)

    def record(self, kata: Kata, step: str, report: pytest.TestReport) -> bool | None:
        """Take in one report; return the step's result once it is final (at teardown)."""
        steps = self.steps.setdefault(kata.id, {})
        if report.failed:
            if step == UNLOADABLE:
                steps.update(dict.fromkeys(kata.steps or (UNLOADABLE,), False))
            else:
                steps[step] = False
            self.failures.setdefault(kata.id, []).append(report)
        elif report.when == "call" and report.passed:
            steps.setdefault(step, True)
        if report.when == "teardown" or (step == UNLOADABLE and report.failed):
            return steps.get(step, False)
        return None


class LearnerRun:
    def __init__(
        self,
        config: pytest.Config,
        layout: Layout,
        catalog: Catalog,
        store: ProgressStore,
        progress: Progress,
        warnings: list[str],
    ) -> None:
        self.config = config
        self.layout = layout
        self.catalog = catalog
        self.store = store
        self.progress = progress
        self.warnings = warnings
        self.results = RunResults()
        self.first_passes: list[Kata] = []
        self.verdicts: dict[str, Tampering | None] = {}
        self.raises_answers: dict[str, list[tuple[int, ast.expr, ast.expr]]] = {}
        self.answers: dict[str, frozenset[int]] = {}
        self.is_worker = is_xdist_worker(config)
        """An xdist worker runs steps; its controller keeps the progress and prints the report."""
        self.full_report = bool(config.getoption("katas_full_report"))

    def locate(self, nodeid: str) -> tuple[Kata | None, str]:
        path, _, rest = nodeid.partition("::")
        kata = self.catalog.kata_at(self.layout.root / path)
        return kata, rest.rsplit("::", 1)[-1].split("[", 1)[0]

    def pytest_ignore_collect(self, collection_path: Path) -> bool | None:
        return True if self.layout.is_solution(collection_path) else None

    def pytest_pycollect_makemodule(
        self, module_path: Path, parent: pytest.Collector
    ) -> pytest.Module | None:
        if self.layout.is_kata(module_path):
            kata = self.catalog.kata_at(module_path)
            if kata is not None:
                self.tampering(kata)  # judged before the kata's code can run
            return KataModule.from_parent(parent, path=module_path)
        return None

    def broader_exception(self, kata: Kata, item: pytest.Item) -> str | None:
        """For a step that passed: a `pytest.raises(__)` answered with a class broader than the
        reference's (`Exception` for `TypeError`) passes pytest but is not the prediction."""
        if kata.id not in self.raises_answers:
            self.raises_answers[kata.id] = self._raises_answers(kata)
        module = getattr(item, "module", None)
        function = getattr(item, "function", None)
        code = getattr(function, "__code__", None)
        if module is None or code is None:
            return None
        lines = {line for _, _, line in code.co_lines() if line is not None}
        for line, mine, reference in self.raises_answers[kata.id]:
            if line not in lines:
                continue
            answer, expected = _resolve(mine, module), _resolve(reference, module)
            if answer is not None and expected is not None and answer is not expected:
                return shipped_messages("too-broad", line=line)
        return None

    def _raises_answers(self, kata: Kata) -> list[tuple[int, ast.expr, ast.expr]]:
        shipped = shipped_source(kata)
        if shipped is None:
            return []
        try:
            learner = read_source(kata.path)
            solution = read_source(self.layout.solution_of(kata.path))
        except OSError:
            return []
        return raises_blanks(shipped, learner, solution)

    def tampering(self, kata: Kata) -> Tampering | None:
        """Why this kata's passes cannot count in this run (changed outside its blanks, a wrong
        answer for another Python version), judged once per run from its file as it is."""
        if kata.id not in self.verdicts:
            try:
                source = read_source(kata.path)
            except OSError:
                self.verdicts[kata.id] = None
                return None
            solution = self.layout.solution_of(kata.path)
            try:
                reference: str | None = read_source(solution)
            except OSError:
                reference = None
            self.verdicts[kata.id] = check_learner_copy(kata, source, reference)
        return self.verdicts[kata.id]

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        """Run the katas in learner order, which is not the order of their file names."""
        last = len(self.catalog.katas)

        def learner_order(numbered: tuple[int, pytest.Item]) -> tuple[int, int]:
            kata = self.catalog.kata_at(numbered[1].path)
            return (kata.order if kata else last, numbered[0])

        items[:] = [item for _, item in sorted(enumerate(items), key=learner_order)]

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        kata = self.catalog.kata_at(item.path)
        if kata is None:
            return report
        verdict = self.tampering(kata)
        message = verdict.message if verdict is not None else None
        if report.when == "call" and report.passed and message is None:
            message = self.broader_exception(kata, item)
        if message is not None and report.when == "call" and report.passed:
            report.outcome = "failed"
            report.longrepr = message
            setattr(report, SUMMARY_ATTRIBUTE, message)
            return report
        if not report.failed or call.excinfo is None:
            return report
        if isinstance(item, UnloadableKata):
            setattr(report, SUMMARY_ATTRIBUTE, item.explanation.summary)
            return report
        error = call.excinfo.value
        explanation = explain_step_failure(
            error, call.excinfo.tb, kata.path, kata.display, item.name.split("[", 1)[0]
        )
        if explanation is None:
            # a wrong answer: say so without printing the right value beside it
            explanation = explain_wrong_answer(
                error, call.excinfo.tb, kata.path, kata.display, self.answer_lines(kata)
            )
        if explanation is not None:
            setattr(report, SUMMARY_ATTRIBUTE, explanation.summary)
            report.longrepr = explanation.text
        return report

    def answer_lines(self, kata: Kata) -> frozenset[int]:
        """The lines of the learner's file that hold answers (where the kata as shipped has a
        predict blank), read once per run; none for a kata the record does not know."""
        if kata.id not in self.answers:
            shipped = shipped_source(kata)
            try:
                learner = read_source(kata.path)
            except OSError:
                learner = None
            self.answers[kata.id] = (
                answer_lines(shipped, learner)
                if shipped is not None and learner is not None
                else frozenset()
            )
        return self.answers[kata.id]

    @pytest.hookimpl(trylast=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        """Manifest problems and what happened to the progress come first, before any step's
        output, so they are not lost above hundreds of lines (the report repeats them)."""
        terminal = self.config.pluginmanager.get_plugin("terminalreporter")
        if self.is_worker or terminal is None:
            return
        for line in [*map(str, self.catalog.problems), *self.warnings]:
            terminal.write_line(f"! {line}", yellow=True)

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        kata, step = self.locate(nodeid)
        if kata is not None and not self.is_worker:
            self.journal("enter", kata, step)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        kata, step = self.locate(report.nodeid)
        if kata is None:
            return
        if report.passed and report.when == "call" and self.tampering(kata) is not None:
            # judged here too: under xdist the controller never runs the kata's code
            report.outcome = "failed"
            report.longrepr = self.tampering(kata).message  # type: ignore[union-attr]
        passed = self.results.record(kata, step, report)
        if passed is not None and not self.is_worker:
            # saved as it goes: a run that dies keeps every step finished before it
            if step == UNLOADABLE:
                for each in kata.steps:
                    self.journal("step", kata, each, passed=False)
            else:
                self.journal("step", kata, step, passed=passed)

    def journal(self, kind: str, kata: Kata, step: str, **more: object) -> None:
        self.warnings.extend(self.store.append(journal.entry(kind, kata.id, step, **more)))

    def time_limit_fired(self, item: pytest.Item) -> None:
        """Called by the time limit when a step runs past it (see `timelimit.TimeLimit`)."""
        kata, step = self.locate(item.nodeid)
        if kata is not None and not self.is_worker:
            self.journal("time-limit", kata, step)

    def pytest_sessionfinish(self) -> None:
        if self.is_worker:
            return
        # Read the file again: another run may have saved progress since this one started.
        changed = {kata_id: verdict is not None for kata_id, verdict in self.verdicts.items()}
        loaded = self.store.fold(
            self.catalog.katas,
            results=self.results.steps,
            change=lambda progress: progress.mark_changed(changed),
            ending=True,
        )
        self.warnings.extend(w for w in loaded.warnings if w not in self.warnings)
        self.progress = loaded.progress
        self.first_passes = loaded.first_passes
        # after the progress is saved: a report that cannot be written costs a warning, no progress
        self.warnings.extend(write_run_report(self.config, self.catalog, self.progress))

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_terminal_summary(
        self, terminalreporter: pytest.TerminalReporter
    ) -> Generator[None, None, None]:
        """Print the learner's report after pytest's own summary, in place of the kata failures
        that it would otherwise print in full (all of them, flooding the screen)."""
        hidden: dict[str, list[object]] = {}
        if not self.full_report and not self.is_worker:
            for key in ("failed", "error"):
                reports = terminalreporter.stats.get(key, [])
                kept = [report for report in reports if self.locate(report.nodeid)[0] is None]
                if len(kept) != len(reports):
                    hidden[key] = reports
                    terminalreporter.stats[key] = kept
        try:
            return (yield)
        finally:
            terminalreporter.stats.update(hidden)
            if not self.is_worker:
                focus = LearnerReport(
                    config=self.config,
                    terminal=terminalreporter,
                    catalog=self.catalog,
                    progress=self.progress,
                    results=self.results.steps,
                    failures=self.results.failures,
                    first_passes=self.first_passes,
                    warnings=self.warnings,
                    show_failures=not self.full_report,
                    summary_of=summary_of,
                ).render()
                self.remember_focus(focus)

    def remember_focus(self, focus: Kata | None) -> None:
        """Keep the kata in focus, so that a bare `pytest --hint` means the kata this report
        named, wherever pytest is run next."""
        focus_id = focus.id if focus is not None else None
        if focus_id != self.progress.focus and not self.store.not_saved:

            def set_focus(progress: Progress) -> None:
                progress.focus = focus_id

            self.store.fold(self.catalog.katas, change=set_focus, ending=True)


def _resolve(expression: ast.expr, module: object) -> object | None:
    """The object a dotted name (`TypeError`, `asyncio.CancelledError`) names in a module, or
    None: nothing else is evaluated."""
    node: ast.expr = expression
    while isinstance(node, ast.Attribute):
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    namespace = dict(vars(builtins), **getattr(module, "__dict__", {}))
    try:
        found: object = eval(compile(ast.Expression(expression), "<answer>", "eval"), {}, namespace)
    except Exception:
        return None
    return found


def is_xdist_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def summary_of(report: pytest.TestReport) -> str:
    """One line that says why a step failed."""
    summary = getattr(report, SUMMARY_ATTRIBUTE, None)
    if isinstance(summary, str):
        return summary
    crash = getattr(report.longrepr, "reprcrash", None)
    message = getattr(crash, "message", None)
    return one_line(message if isinstance(message, str) else str(report.longrepr))
