"""A learner's run (`pytest katas/`): katas in learner order, failures explained, progress kept.

Solutions stay out of sight: nothing under solutions/ is collected, and importing a solution module
whose kata has not passed yet is refused (see `solutions.SolutionGuard`).
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pytest_katas.answers import explain_wrong_answer
from pytest_katas.catalog import Catalog, Kata, display_path, resolved
from pytest_katas.failures import Explanation, explain_import_failure, explain_step_failure
from pytest_katas.json_report import write_run_report
from pytest_katas.layout import Layout, requested_paths, typed_path
from pytest_katas.progress import Progress, ProgressStore, journal
from pytest_katas.report import LearnerReport, kata_in_focus, one_line
from pytest_katas.screen import is_plain
from pytest_katas.shipped import LearnerCopy, is_as_shipped
from pytest_katas.workspace.record import release_notice

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
        self.copies: dict[str, LearnerCopy] = {}
        self.katas_by_nodeid: dict[str, Kata | None] = {}
        self.is_worker = is_xdist_worker(config)
        """An xdist worker runs steps; its controller keeps the progress and prints the report."""
        self.full_report = bool(config.getoption("katas_full_report"))

    def locate(self, nodeid: str) -> tuple[Kata | None, str]:
        """The kata and step of a node id (the kata found once per file and run)."""
        path, _, rest = nodeid.partition("::")
        if path not in self.katas_by_nodeid:
            self.katas_by_nodeid[path] = self.catalog.kata_at(self.layout.root / path)
        return self.katas_by_nodeid[path], rest.rsplit("::", 1)[-1].split("[", 1)[0]

    def pytest_ignore_collect(self, collection_path: Path) -> bool | None:
        return True if self.layout.is_solution(collection_path) else None

    def pytest_pycollect_makemodule(
        self, module_path: Path, parent: pytest.Collector
    ) -> pytest.Module | None:
        if self.layout.is_kata(module_path):
            return KataModule.from_parent(parent, path=module_path)
        return None

    def copy_of(self, kata: Kata) -> LearnerCopy:
        """The learner's copy of `kata`, read once per run (see `shipped.LearnerCopy`)."""
        if kata.id not in self.copies:
            reference = self.layout.reference_of(kata)
            self.copies[kata.id] = LearnerCopy(kata, reference, typed_path(kata.path, self.config))
        return self.copies[kata.id]

    def is_untouched(self, kata: Kata) -> bool:
        """Whether the learner's copy of `kata` is still as shipped (never opened, or put back);
        a kata not in the record counts as untouched."""
        copy = self.copies.get(kata.id)
        return copy.is_as_shipped if copy is not None else is_as_shipped(kata)

    def not_earned(self, kata: Kata, item: pytest.Item) -> str | None:
        """Why a step that passed does not count, or None."""
        copy = self.copy_of(kata)
        if copy.saved_during_run:
            return copy.saved_during_run_message
        if copy.tampering is not None:
            return copy.tampering.message
        left = copy.blank_left(getattr(item, "originalname", item.name))
        if left is not None:
            return left
        code = getattr(getattr(item, "function", None), "__code__", None)
        module = getattr(item, "module", None)
        if code is None or module is None:
            return None
        lines = {line for _, _, line in code.co_lines() if line is not None}
        return copy.broader_exception(module, lines)

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        """Run the katas in learner order, which is not the order of their file names."""
        last = len(self.catalog.katas)

        def learner_order(numbered: tuple[int, pytest.Item]) -> tuple[int, int]:
            kata = self.catalog.kata_at(numbered[1].path)
            return (kata.order if kata else last, numbered[0])

        items[:] = [item for _, item in sorted(enumerate(items), key=learner_order)]

    # pytest registers only methods named pytest_*: specname says which hook this one is
    @pytest.hookimpl(tryfirst=True, specname="pytest_runtest_makereport")
    def pytest_runtest_makereport_explained(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> pytest.TestReport | None:
        """The report of a step that fails for a reason the plugin explains, made here with the
        explanation as its text. pytest's own report (`TestReport.from_item_and_call`) would
        first format a traceback, reading the source of every frame (tens of ms a failure in a
        watch run, whose process has many modules loaded), only for it to be replaced. None
        (pytest makes the report) for anything else: a pass, a skip, a failure in a kata that
        cannot be imported, or one the plugin cannot explain, where pytest's traceback is the
        best there is."""
        excinfo = call.excinfo
        kata = self.catalog.kata_at(item.path)
        if kata is None or excinfo is None or isinstance(item, UnloadableKata):
            return None
        if isinstance(excinfo.value, pytest.skip.Exception) or hasattr(excinfo.value, "exceptions"):
            return None  # a skip, or an exception group that may hold skips: pytest's to judge
        typed = typed_path(kata.path, self.config)  # as the report's headings name it
        copy = self.copy_of(kata)
        if copy.saved_during_run:  # the code that ran is not the one judged: no traceback
            saved = copy.saved_during_run_message
            explanation: Explanation | None = Explanation(saved, saved)
        else:
            step = item.name.split("[", 1)[0]
            explanation = explain_step_failure(
                excinfo.value, excinfo.tb, kata.path, typed, step
            ) or explain_wrong_answer(  # a wrong answer: never the right value beside it
                excinfo.value, excinfo.tb, kata.path, typed, copy.answer_lines
            )
        if explanation is None:
            return None
        # what from_item_and_call fills in, with the explanation as the failure's text
        report = pytest.TestReport(
            item.nodeid,
            item.location,
            dict.fromkeys(item.keywords, 1),
            "failed",
            explanation.text,
            call.when,  # type: ignore[arg-type]  # never "collect" for an item
            [(f"Captured {key} {when}", content) for when, key, content in item._report_sections],
            call.duration,
            call.start,
            call.stop,
            user_properties=item.user_properties,
        )
        setattr(report, SUMMARY_ATTRIBUTE, explanation.summary)
        return report

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        """A pass the learner has not earned fails; a kata that cannot be imported says why in
        one line."""
        report = yield
        kata = self.catalog.kata_at(item.path)
        if kata is None:
            return report
        message = self.not_earned(kata, item) if report.when == "call" and report.passed else None
        if message is not None:
            report.outcome = "failed"
            report.longrepr = message
            setattr(report, SUMMARY_ATTRIBUTE, message)
        elif report.failed and isinstance(item, UnloadableKata):
            setattr(report, SUMMARY_ATTRIBUTE, item.explanation.summary)
        return report

    @pytest.hookimpl(trylast=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        """Judge the learner's copies before any kata's code runs (a kata that patches the
        plugin cannot change a verdict already reached); then print manifest problems and what
        happened to the progress first, before any step's output, so they are not lost above
        hundreds of lines (the report repeats them)."""
        for path in requested_paths(self.config):
            for kata in self.catalog.katas_under(path):
                _ = self.copy_of(kata).tampering
        terminal = self.config.pluginmanager.get_plugin("terminalreporter")
        if self.is_worker or terminal is None:
            return
        for line in [*(p.for_learner() for p in self.catalog.problems), *self.warnings]:
            terminal.write_line(f"! {line}", yellow=True)

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        kata, step = self.locate(nodeid)
        if kata is not None and not self.is_worker:
            self.journal("enter", kata, step)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        kata, step = self.locate(report.nodeid)
        if kata is None:
            return
        copy = self.copy_of(kata)
        if report.passed and report.when == "call":
            # judged here too: under xdist the controller never runs the kata's code
            why = copy.tampering.message if copy.tampering is not None else copy.blank_left(step)
            if why is not None:
                report.outcome = "failed"
                report.longrepr = why
                setattr(report, SUMMARY_ATTRIBUTE, why)
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
        changed = {
            kata_id: copy.tampering is not None and copy.tampering.changed
            for kata_id, copy in self.copies.items()
        }

        def take_in(progress: Progress) -> None:
            progress.mark_changed(changed)
            # what a bare `pytest --hint` means next, wherever it is run: the report's focus
            focus = kata_in_focus(self.catalog, progress, self.results.steps)
            progress.focus = focus.id if focus is not None else None

        loaded = self.store.fold(
            self.catalog.katas, results=self.results.steps, change=take_in, ending=True
        )
        self.warnings.extend(w for w in loaded.warnings if w not in self.warnings)
        self.progress = loaded.progress
        self.first_passes = loaded.first_passes
        # after the progress is saved: a report that cannot be written costs a warning, no progress
        report = write_run_report(self.config, self.catalog, self.progress, self.is_untouched)
        self.warnings.extend(report)

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
                LearnerReport(
                    config=self.config,
                    terminal=terminalreporter,
                    catalog=self.catalog,
                    progress=self.progress,
                    results=self.results.steps,
                    failures=self.results.failures,
                    first_passes=self.first_passes,
                    # said once, in the report: a workspace whose katas are another release's
                    warnings=[*self.warnings, *filter(None, [release_notice(self.layout.root)])],
                    show_failures=not self.full_report,
                    summary_of=summary_of,
                    is_untouched=self.is_untouched,
                    last_saved=last_saved,
                    plain=is_plain(self.config),
                ).render()


def last_saved(kata: Kata) -> float:
    """When the learner last saved `kata` (its modification time), 0 if it cannot be read."""
    try:
        return kata.path.stat().st_mtime
    except OSError:
        return 0.0


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
