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

from pytest_katas.catalog import TOPIC_FILE, TRANSLATIONS, Catalog, iter_kata_modules, read_source
from pytest_katas.drift import find_drift
from pytest_katas.failures import explain_step_failure
from pytest_katas.glossary import load_glossary, strays
from pytest_katas.i18n import Messages
from pytest_katas.layout import Layout
from pytest_katas.learner import KataModule, UnloadableKata
from pytest_katas.report import one_line
from pytest_katas.shipped import (
    RECORD,
    record_path,
    shipped_source,
    unreadable_version_branches,
)
from pytest_katas.shipped import say as shipped_messages
from pytest_katas.timelimit import StepTimeLimit

SHIPPED = "kata-fails-as-shipped"

say = Messages(
    {
        "no-topic-translation": {
            "en": "{manifest}: needs a [{language}] table with the topic's title in {language}",
            "zh": "{manifest}：需要一个 [{language}] 表，写上主题的 {language} 标题",
        },
        "off-glossary": {
            "en": '{manifest}: kata "{kata}" says {stray} (docs/glossary.md)',
            "zh": '{manifest}：练习 "{kata}" 用了 {stray}（见 docs/glossary.md）',
        },
        "no-solution": {
            "en": "{kata} has no solution: add {solution}",
            "zh": "{kata} 没有参考答案：请添加 {solution}",
        },
        "no-kata": {
            "en": "{solution} has no kata: add {kata} or delete the solution",
            "zh": "{solution} 没有对应的练习：请添加 {kata}，或者删掉这个参考答案",
        },
        "kata-missing": {
            "en": "{solution} has no kata: {kata} is missing",
            "zh": "{solution} 没有对应的练习：缺少 {kata}",
        },
        "unlisted": {
            "en": "{kata} is not listed in its topic.toml, so it has no id, title or hints",
            "zh": "{kata} 没有列在它的 topic.toml 里，所以没有 id、标题和提示",
        },
        "no-lesson": {
            "en": "{kata} has no lesson: give it a module docstring that states it",
            "zh": "{kata} 没有课文：请给它写一个说明要点的模块文档字符串",
        },
        "no-steps": {
            "en": "{kata} has no steps: add test_… functions",
            "zh": "{kata} 没有步骤：请添加 test_… 函数",
        },
        "drift": {
            "en": "{solution} is not {kata} with its blanks filled: {difference}",
            "zh": "{solution} 不只是把 {kata} 的空填上了：{difference}",
        },
        "passes-as-shipped": {
            "en": "{step} passes as shipped, so a learner has nothing to do: give it a blank __ "
            "to fill in or a function to write",
            "zh": "{step} 原样就能通过，学习者无事可做：给它一个要填的空 __，或者一个要写的函数",
        },
        "fails-without-blank": {
            "en": "{step} fails as shipped, but not because of a blank ({message}): filling in "
            "its blanks could not make it pass",
            "zh": "{step} 原样会失败，但不是因为空（{message}）：填好空也无法让它通过",
        },
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
                for language in TRANSLATIONS
                if language not in topic.translated_titles
            ]
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
        if not kata.lesson:
            problems.append(say("no-lesson", kata=shown))
        if not kata.steps:
            problems.append(say("no-steps", kata=shown))
        kata_source, solution_source = read_source(kata_path), read_source(self.path)
        problems += [
            f"{shown}: {problem}"
            for problem in unreadable_version_branches(kata_source, solution_source)
        ]
        if self.run.records_shipped:
            recorded = shipped_source(kata)
            if recorded is None:
                problems.append(shipped_messages("not-recorded", path=shown))
            elif recorded != kata_source:
                problems.append(shipped_messages("stale", path=shown))
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
        self.records_shipped = (
            layout.katas_dir == RECORD.parent.parent / "katas" or record_path() != RECORD
        )
        """Whether these katas are the package's own, recorded as shipped (not a pack)."""

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
