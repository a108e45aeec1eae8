"""A maintainer's run (`pytest solutions/`): every solution runs, and every kata is checked.

Beside each solution's own steps, its module gets these check steps:

- `kata-checks`: the kata is in its topic's manifest with a lesson and 2 to 4 hints, plus whatever
  `pytest_katas_check` hooks add;
- `same-as-kata`: the solution is the kata with its blanks filled in and nothing else changed;
- `kata-fails-as-shipped::<step>`: each step of the kata as shipped fails, because of a blank.

The solutions folder itself gets `catalog` (the manifests are well formed and every id is unique)
and `every-kata-has-a-solution` (and every solution a kata).
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from pathlib import Path

import pytest

from pytest_katas.catalog import TOPIC_FILE, TRANSLATIONS, Catalog, iter_kata_modules
from pytest_katas.drift import find_drift
from pytest_katas.failures import explain_step_failure
from pytest_katas.layout import Layout
from pytest_katas.learner import KataModule, UnloadableKata
from pytest_katas.report import one_line
from pytest_katas.timelimit import StepTimeLimit

SHIPPED = "kata-fails-as-shipped"


class CheckFailed(Exception):
    """A maintainer check found problems; its message lists them, one per line."""


class Check(pytest.Item):
    """A check step: `problems()` returns what is wrong, one line each."""

    def problems(self) -> list[str]:
        raise NotImplementedError

    @property
    def run(self) -> MaintainerRun:
        return maintainer_run(self.config)

    def runtest(self) -> None:
        problems = self.problems()
        if problems:
            raise CheckFailed("\n".join(problems))

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: object = None
    ) -> str:
        if isinstance(excinfo.value, CheckFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, self.name


class CatalogCheck(Check):
    def problems(self) -> list[str]:
        catalog = self.run.catalog
        problems = [str(problem) for problem in catalog.problems]
        for topic in catalog.topics:
            manifest = f"{catalog.display(catalog.katas_dir / topic.name)}/{TOPIC_FILE}"
            problems += [
                f"{manifest}: needs a [{language}] table with the topic's title in {language}"
                for language in TRANSLATIONS
                if language not in topic.translated_titles
            ]
        return problems


class PairsCheck(Check):
    def problems(self) -> list[str]:
        layout = self.run.layout
        shown = layout.display
        problems = [
            f"{shown(kata)} has no solution: add {shown(layout.solution_of(kata))}"
            for kata in iter_kata_modules(layout.katas_dir)
            if not layout.solution_of(kata).is_file()
        ]
        problems += [
            f"{shown(solution)} has no kata: add {shown(layout.kata_of(solution))}"
            " or delete the solution"
            for solution in iter_kata_modules(layout.solutions_dir)
            if not layout.kata_of(solution).is_file()
        ]
        return problems


class KataChecks(Check):
    def problems(self) -> list[str]:
        layout, catalog = self.run.layout, self.run.catalog
        kata_path = layout.kata_of(self.path)
        shown = layout.display(kata_path)
        if not kata_path.is_file():
            return [f"{layout.display(self.path)} has no kata: {shown} is missing"]
        kata = catalog.kata_at(kata_path)
        if kata is None:
            return [f"{shown} is not listed in its topic.toml, so it has no id, title or hints"]
        problems = []
        if kata.hint_problem:
            problems.append(f"{kata.manifest}: {kata.hint_problem}")
        problems += [f"{kata.manifest}: {problem}" for problem in kata.translation_problems]
        if not kata.lesson:
            problems.append(f"{shown} has no lesson: give it a module docstring that states it")
        if not kata.steps:
            problems.append(f"{shown} has no steps: add test_… functions")
        results = self.config.hook.pytest_katas_check(
            kata=kata,
            kata_source=kata_path.read_text(encoding="utf-8"),
            solution_source=self.path.read_text(encoding="utf-8"),
        )
        problems += [f"{shown}: {problem}" for result in results for problem in result or []]
        return problems


class SameAsKata(Check):
    def problems(self) -> list[str]:
        layout = self.run.layout
        kata_path = layout.kata_of(self.path)
        if not kata_path.is_file():
            return [
                f"{layout.display(self.path)} has no kata: {layout.display(kata_path)} is missing"
            ]
        drift = find_drift(
            kata_path.read_text(encoding="utf-8"), self.path.read_text(encoding="utf-8")
        )
        if drift is None:
            return []
        return [
            f"{layout.display(self.path)} is not {layout.display(kata_path)} with its blanks "
            f"filled: {drift.message}"
        ]


class ShippedKata(KataModule):
    """The kata module as shipped, whose steps must each fail because of a blank."""


class SolutionModule(pytest.Module):
    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        collected: list[pytest.Item | pytest.Collector] = list(super().collect())
        layout = maintainer_run(self.config).layout
        kata_path = layout.kata_of(self.path)
        collected.append(KataChecks.from_parent(self, name="kata-checks"))
        collected.append(SameAsKata.from_parent(self, name="same-as-kata"))
        if kata_path.is_file():
            collected.append(
                ShippedKata.from_parent(
                    self, path=kata_path, name=SHIPPED, nodeid=f"{self.nodeid}::{SHIPPED}"
                )
            )
        return collected


# pytest.Dir is marked final for type checkers; all this does is add two items to what it collects.
class SolutionsDir(pytest.Dir):  # type: ignore[misc]
    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        return [
            CatalogCheck.from_parent(self, name="catalog"),
            PairsCheck.from_parent(self, name="every-kata-has-a-solution"),
            *super().collect(),
        ]


def maintainer_run(config: pytest.Config) -> MaintainerRun:
    run = config.pluginmanager.get_plugin("katas-maintainer")
    assert isinstance(run, MaintainerRun)
    return run


class MaintainerRun:
    def __init__(self, config: pytest.Config, layout: Layout, catalog: Catalog) -> None:
        self.config = config
        self.layout = layout
        self.catalog = catalog

    def pytest_collect_directory(self, path: Path, parent: pytest.Collector) -> pytest.Dir | None:
        if path.resolve() == self.layout.solutions_dir:
            return SolutionsDir.from_parent(parent, path=path)
        return None

    def pytest_pycollect_makemodule(
        self, module_path: Path, parent: pytest.Collector
    ) -> pytest.Module | None:
        if self.layout.is_solution(module_path):
            return SolutionModule.from_parent(parent, path=module_path)
        return None

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        """Turn a shipped kata step's outcome around: failing on a blank is what it should do."""
        report = yield
        if not isinstance(item.parent, ShippedKata) or isinstance(item, UnloadableKata):
            return report
        if call.when != "call":
            return report
        shown = f"{self.layout.display(item.path)}::{item.name}"
        if report.passed:
            report.outcome = "failed"
            report.longrepr = (
                f"{shown} passes as shipped, so a learner has nothing to do: give it a blank __ "
                "to fill in or a function to write"
            )
        elif call.excinfo is not None:
            error = call.excinfo.value
            why = explain_step_failure(
                error, call.excinfo.tb, item.path, shown, item.name.split("[", 1)[0]
            )
            if why is not None and not isinstance(error, StepTimeLimit):
                report.outcome = "passed"
                report.longrepr = None
            else:
                message = one_line(call.excinfo.exconly()) if why is None else why.summary
                report.longrepr = (
                    f"{shown} fails as shipped, but not because of a blank ({message}): filling "
                    "in its blanks could not make it pass"
                )
        return report
