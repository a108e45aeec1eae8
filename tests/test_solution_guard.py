"""The import guard on its own: `import solutions.…` is refused, naming the kata to solve, until
that kata passes; anything else is left to the other finders. A mistake here shows a learner the
answer before it is earned, or breaks imports that have nothing to do with solutions."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pytest_katas.catalog import Catalog, Kata, Topic, Translation
from pytest_katas.i18n import current_language, set_language
from pytest_katas.layout import Layout
from pytest_katas.solutions import SolutionGuard

ANSWERS = "answers_for_the_guard_test"
"""The solutions folder's name here: no other package of the test process has it."""


@dataclass
class Tree:
    root: Path
    layout: Layout
    kata: Kata
    catalog: Catalog
    unlocked: set[str] = field(default_factory=set)
    asked: list[Kata] = field(default_factory=list)

    def is_unlocked(self, kata: Kata) -> bool:
        self.asked.append(kata)
        return kata.id in self.unlocked

    def guard(self) -> SolutionGuard:
        return SolutionGuard(self.layout, self.catalog, self.is_unlocked)


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    root = tmp_path.resolve()
    katas_dir, solutions_dir = root / "katas", root / ANSWERS
    for folder in (katas_dir, solutions_dir):
        (folder / "basics").mkdir(parents=True)
        (folder / "basics" / "test_adding.py").write_text("ANSWER = 42\n", "utf-8")
    (solutions_dir / "basics" / "test_orphan.py").write_text("ANSWER = 0\n", "utf-8")
    (solutions_dir / "basics" / "helpers").mkdir()
    kata = Kata(
        id="adding",
        title="Adding up",
        hints=(),
        topic="basics",
        path=katas_dir / "basics" / "test_adding.py",
        display="katas/basics/test_adding.py",
        relpath="basics/test_adding.py",
        order=1,
        manifest="katas/basics/topic.toml",
        translations={"zh": Translation("加法", "", ())},
    )
    catalog = Catalog(root, katas_dir, [Topic("basics", "Basics", (kata,))])
    return Tree(root, Layout(root, katas_dir, solutions_dir), kata, catalog)


@pytest.fixture
def english() -> Iterator[None]:
    before = current_language()
    set_language("en")
    yield
    set_language(before)


def refusal(guard: SolutionGuard, name: str) -> ImportError:
    with pytest.raises(ImportError) as caught:
        guard.find_spec(name, None)
    assert caught.value.name == name
    return caught.value


def test_a_locked_solution_is_refused_naming_its_kata(tree: Tree, english: None) -> None:
    error = refusal(tree.guard(), f"{ANSWERS}.basics.test_adding")
    assert str(error) == (
        f"{ANSWERS}.basics.test_adding is the solution to katas/basics/test_adding.py and stays "
        "hidden until that kata passes: solve Adding up to unlock it"
    )
    assert tree.asked == [tree.kata]


def test_the_kata_is_named_in_the_learners_language(tree: Tree) -> None:
    before = current_language()
    set_language("zh")
    try:
        error = refusal(tree.guard(), f"{ANSWERS}.basics.test_adding")
    finally:
        set_language(before)
    assert "「加法」" in str(error)


def test_an_unlocked_solution_is_left_to_the_other_finders(tree: Tree) -> None:
    tree.unlocked.add("adding")
    assert tree.guard().find_spec(f"{ANSWERS}.basics.test_adding", None) is None
    assert tree.asked == [tree.kata]


def test_a_solution_module_without_a_kata_stays_hidden(tree: Tree, english: None) -> None:
    tree.unlocked.add("adding")
    error = refusal(tree.guard(), f"{ANSWERS}.basics.test_orphan")
    assert str(error) == (
        f"{ANSWERS}.basics.test_orphan is a solution module, and solutions stay hidden in a "
        "learner's run"
    )
    assert tree.asked == []


@pytest.mark.parametrize(
    "name",
    [
        ANSWERS,  # the folder itself: a namespace package, no answer in it
        f"{ANSWERS}.basics",
        f"{ANSWERS}.basics.helpers",
        f"{ANSWERS}.basics.test_missing",
        "katas.basics.test_adding",
        "basics.test_adding",
        f"x{ANSWERS}.basics.test_adding",
        "os",
    ],
)
def test_anything_but_a_solution_module_is_left_alone(tree: Tree, name: str) -> None:
    assert tree.guard().find_spec(name, None) is None
    assert tree.asked == []


def test_installed_it_comes_first_and_refuses_a_real_import(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(tree.root))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    for name in list(sys.modules):
        if name.startswith(ANSWERS):
            monkeypatch.delitem(sys.modules, name)
    guard = tree.guard()
    guard.install()
    assert sys.meta_path[0] is guard
    with pytest.raises(ImportError, match="stays hidden until that kata passes"):
        importlib.import_module(f"{ANSWERS}.basics.test_adding")
    tree.unlocked.add("adding")
    assert importlib.import_module(f"{ANSWERS}.basics.test_adding").ANSWER == 42
    guard.uninstall()
    assert guard not in sys.meta_path
    guard.uninstall()  # a second time is harmless
    assert guard not in sys.meta_path
