"""A maintainer's run (`pytest solutions/`): every solution runs, and every kata is checked.

Beside each solution's own steps, its module gets these check steps:

- `kata-checks`: the kata is in its topic's manifest with a lesson and 2 to 4 hints, translated
  from the English as it is now (`translations.stale_kata`), has the shape the kata format asks
  for (`format_problems`: no parametrized or async steps, no answer that is one guess of two or a
  private name), plus whatever `pytest_katas_check` hooks add;
- `same-as-kata`: the solution is the kata with its blanks filled in and nothing else changed;
- `kata-fails-as-shipped::<step>`: each step of the kata as shipped fails, because of a blank.

The solutions folder itself gets `catalog` (the manifests are well formed, every id is unique,
every topic's title translated from its English as it is now) and `every-kata-has-a-solution`
(and every solution a kata). When a check fails, the run ends by saying where the kata format is
(`catalog.FORMAT_DOC`, installed with the package).
"""

from __future__ import annotations

import ast
import os
import shlex
import sys
from collections.abc import Generator, Iterable
from pathlib import Path

import pytest

from pytest_katas.catalog import (
    FORMAT_DOC,
    TOPIC_FILE,
    Catalog,
    iter_kata_modules,
    read_source,
)
from pytest_katas.drift import find_drift
from pytest_katas.failures import explain_step_failure
from pytest_katas.glossary import load_glossary, strays
from pytest_katas.i18n import N_, Messages
from pytest_katas.layout import Layout
from pytest_katas.learner import KataModule, UnloadableKata
from pytest_katas.report import one_line
from pytest_katas.shipped import (
    pair_blanks,
    record_to_write,
    shipped_source,
    unreadable_version_branches,
)
from pytest_katas.shipped import say as shipped_messages
from pytest_katas.timelimit import StepTimeLimit
from pytest_katas.translations import stale_kata, stale_topic_title

SHIPPED = "kata-fails-as-shipped"
CHECKS = frozenset({"catalog", "every-kata-has-a-solution", "kata-checks", "same-as-kata", SHIPPED})
"""The names of the check steps (a step of a solution itself is not a check of the format)."""

say = Messages(
    {
        "no-topic-translation": N_(
            "{manifest}: needs a [{language}] table with the topic's title in {language}"
        ),
        "off-glossary": N_('{manifest}: kata "{kata}" says {stray} (docs/glossary.md)'),
        "no-solution": N_("{kata} has no solution: add {solution}"),
        "no-kata": N_("{solution} has no kata: add {kata} or delete the solution"),
        "kata-missing": N_("{solution} has no kata: {kata} is missing"),
        "unlisted": N_("{kata} is not listed in its topic.toml, so it has no id, title or hints"),
        "no-lesson": N_("{kata} has no lesson: give it a module docstring that states it"),
        "no-steps": N_("{kata} has no steps: add test_… functions"),
        "drift": N_("{solution} is not {kata} with its blanks filled: {difference}"),
        "passes-as-shipped": N_(
            "{step} passes as shipped, so a learner has nothing to do: give it a blank __ "
            "to fill in or a function to write"
        ),
        "parametrized": N_(
            "{step} is parametrized: a step runs once and asserts one fact; write a step "
            "for each case instead"
        ),
        "async-step": N_(
            "{step} is an async def, which pytest does not run: make it a plain def that "
            "drives the loop itself with asyncio.run(...)"
        ),
        "guess-answer": N_(
            "{kata}: the answer to the blank on line {line} is {answer}, one guess of two: "
            "ask for the value, the exception class or the order of events instead"
        ),
        "private-answer": N_(
            "{kata}: the answer to the blank on line {line} uses the private name {name}: "
            "ask for what public names show instead"
        ),
        "format-doc": N_("The kata format these checks enforce: {doc}"),
        "fails-without-blank": N_(
            "{step} fails as shipped, but not because of a blank ({message}): filling in "
            "its blanks could not make it pass"
        ),
    }
)


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
        terms = load_glossary(self.run.layout.root)
        for kata in catalog.katas if terms else []:
            for translation in kata.translations.values():
                texts = [translation.title, translation.lesson, *translation.hints]
                problems += [
                    say("off-glossary", manifest=kata.manifest, kata=kata.id, stray=stray)
                    for stray in dict.fromkeys(s for text in texts for s in strays(text, terms))
                ]
        for topic in catalog.topics:
            manifest = f"{catalog.display(catalog.katas_dir / topic.name)}/{TOPIC_FILE}"
            problems += [
                say("no-topic-translation", manifest=manifest, language=language)
                for language in catalog.translations
                if language not in topic.translated_titles
            ]
            problems += [str(stale) for stale in stale_topic_title(catalog, topic)]
        return problems


class PairsCheck(Check):
    def problems(self) -> list[str]:
        layout = self.run.layout
        shown = layout.display
        problems = [
            say("no-solution", kata=shown(kata), solution=shown(layout.solution_of(kata)))
            for kata in iter_kata_modules(layout.katas_dir)
            if not layout.solution_of(kata).is_file()
        ]
        problems += [
            say("no-kata", solution=shown(solution), kata=shown(layout.kata_of(solution)))
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
            return [say("kata-missing", solution=layout.display(self.path), kata=shown)]
        kata = catalog.kata_at(kata_path)
        if kata is None:
            return [say("unlisted", kata=shown)]
        problems = []
        if kata.hint_problem:
            problems.append(f"{kata.manifest}: {kata.hint_problem}")
        problems += [f"{kata.manifest}: {problem}" for problem in kata.translation_problems]
        problems += [str(stale) for stale in stale_kata(kata)]
        if not kata.lesson:
            problems.append(say("no-lesson", kata=shown))
        if not kata.steps:
            problems.append(say("no-steps", kata=shown))
        kata_source, solution_source = read_source(kata_path), read_source(self.path)
        problems += [
            f"{shown}: {problem}"
            for problem in unreadable_version_branches(kata_source, solution_source)
        ]
        problems += format_problems(shown, kata_source, solution_source)
        parent = self.parent
        if isinstance(parent, SolutionModule):
            problems += [
                say("parametrized", step=f"{shown}::{step}") for step in parent.parametrized
            ]
        recorded = shipped_source(kata)
        if recorded != kata_source:
            key = "not-recorded" if recorded is None else "stale"
            problems.append(shipped_messages(key, path=shown, **self.run.record_command()))
        results = self.config.hook.pytest_katas_check(
            kata=kata, kata_source=kata_source, solution_source=solution_source
        )
        problems += [f"{shown}: {problem}" for result in results for problem in result or []]
        return problems


class SameAsKata(Check):
    def problems(self) -> list[str]:
        layout = self.run.layout
        kata_path = layout.kata_of(self.path)
        if not kata_path.is_file():
            return [
                say(
                    "kata-missing",
                    solution=layout.display(self.path),
                    kata=layout.display(kata_path),
                )
            ]
        drift = find_drift(read_source(kata_path), read_source(self.path))
        if drift is None:
            return []
        solution, kata = layout.display(self.path), layout.display(kata_path)
        return [say("drift", solution=solution, kata=kata, difference=drift.message)]


def format_problems(shown: str, kata_source: str, solution_source: str) -> list[str]:
    """What in a kata and its solution breaks a rule of the kata format that can be read from
    their source, one line each naming the kata `shown` (its path as displayed): a step that is an
    `async def`; an answer (the solution's expression at a predict blank) that is `True` or
    `False`, or that uses a private name (`_x`, not a dunder). [] when a source does not parse:
    other checks say so. Raises nothing."""
    try:
        kata_tree, solution_tree = ast.parse(kata_source), ast.parse(solution_source)
    except SyntaxError:
        return []
    problems = [
        say("async-step", step=f"{shown}::{node.name}")
        for node in kata_tree.body
        if isinstance(node, ast.AsyncFunctionDef) and node.name.startswith("test")
    ]
    for blank, answer in pair_blanks(kata_tree, solution_tree):
        if isinstance(answer, ast.Constant) and isinstance(answer.value, bool):
            problems.append(say("guess-answer", kata=shown, line=blank.lineno, answer=answer.value))
        private = next((name for name in _names_in(answer) if _is_private(name)), None)
        if private is not None:
            problems.append(say("private-answer", kata=shown, line=blank.lineno, name=private))
    return problems


def _names_in(expression: ast.expr) -> Iterable[str]:
    for node in ast.walk(expression):
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.Attribute):
            yield node.attr


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


class ShippedKata(KataModule):
    """The kata module as shipped, whose steps must each fail because of a blank."""


class SolutionModule(pytest.Module):
    parametrized: tuple[str, ...] = ()
    """The names of the solution's steps that pytest runs more than once (parametrized by a mark,
    a fixture's params or pytest_generate_tests): known only once pytest has collected them."""

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        collected: list[pytest.Item | pytest.Collector] = list(super().collect())
        self.parametrized = tuple(
            dict.fromkeys(
                item.originalname
                for item in collected
                if isinstance(item, pytest.Function) and hasattr(item, "callspec")
            )
        )
        layout = maintainer_run(self.config).layout
        kata_path = layout.kata_of(self.path)
        collected.append(KataChecks.from_parent(self, name="kata-checks"))
        collected.append(SameAsKata.from_parent(self, name="same-as-kata"))
        # a parametrized step is refused by kata-checks; its kata as shipped, collected under
        # this module, would also take this module's `pytestmark` and fail to collect, twice over
        if kata_path.is_file() and not self.parametrized:
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
        self.record = record_to_write(layout.root)
        """Where the katas as shipped are recorded: the package's record for its own katas, the
        tree's `katas-shipped.json` for a pack (see `shipped.record_to_write`)."""
        self.format_failed = False
        """Whether a check of the kata format failed (then the run says where the format is)."""

    def record_command(self) -> dict[str, str]:
        """The record's path and the command that writes it, as typed where pytest started."""
        here = self.config.invocation_params.dir
        root = os.path.relpath(self.layout.root, here)
        command = f"{shlex.quote(sys.executable)} -m pytest_katas.shipped"
        return {
            "record": os.path.relpath(self.record, here),
            "command": command if root == "." else f"{command} {shlex.quote(root)}",
        }

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        # the controller's hook under xdist too, which sees reports but no items
        if report.failed and CHECKS.intersection(report.nodeid.split("::")[1:]):
            self.format_failed = True

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if self.format_failed:
            terminalreporter.write_line(say("format-doc", doc=FORMAT_DOC))

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
            report.longrepr = say("passes-as-shipped", step=shown)
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
                report.longrepr = say("fails-without-blank", step=shown, message=message)
        return report
