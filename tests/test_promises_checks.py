"""Promises of the drift check and of `pytest solutions/` (README "What a pass guarantees" and
"For maintainers", docs/kata-format.md "Its solution"), each guarded by a test that fails when the
promise is broken.

Every test names, in its docstring, the one-line bug it was written to catch.
"""

from __future__ import annotations

import shlex
import sys

import pytest

from pytest_katas.drift import find_drift
from pytest_katas.shipped import TREE_RECORD
from tests.kata_repo import ADDING_KATA, SOLUTIONS, KataRepo

ADDING_SOLUTION = SOLUTIONS["basics/test_adding.py"]


def flat(result: pytest.RunResult) -> str:
    """The run's output with every run of whitespace one space, however the lines are wrapped."""
    return " ".join(result.stdout.str().split())


@pytest.fixture
def recorded(repo: KataRepo, monkeypatch: pytest.MonkeyPatch) -> KataRepo:
    """The small repository with its katas recorded as shipped (a record of the test's own)."""
    repo.record_as_shipped(monkeypatch)
    return repo


# --- the first difference is the one named -----------------------------------------------------

TWO_DIFFERENCES = {
    "in two steps": (
        ADDING_SOLUTION.replace("assert 1 + 1 == 2", "assert 1 + 2 == 3").replace(
            "assert 2 + 2 == answer", "assert 2 + 3 == answer"
        ),
        7,
        12,
    ),
    "in one step": (
        ADDING_SOLUTION.replace("answer = 4", "other = 4").replace("== answer", "== other"),
        11,
        12,
    ),
    "a line changed, then a step deleted": (
        ADDING_SOLUTION.replace("assert 1 + 1 == 2", "assert 1 + 2 == 3").split(
            "\n\ndef test_two_plus_two"
        )[0]
        + "\n",
        7,
        10,
    ),
}


@pytest.mark.parametrize("case", sorted(TWO_DIFFERENCES))
def test_drift_names_the_first_of_several_differences(case: str) -> None:
    """docs/kata-format.md: `pytest solutions/` "names the first difference". Every other drift
    test has a single difference; this one has two, so it catches the comparison reporting the
    last difference instead (a reversed walk over a list of statements or fields)."""
    solution, first, later = TWO_DIFFERENCES[case]
    drift = find_drift(ADDING_KATA, solution)
    assert drift is not None
    assert f"line {first} of the kata" in drift.message
    assert f"line {later} of the kata" not in drift.message


def test_same_as_kata_names_the_first_difference(repo: KataRepo) -> None:
    """The same, as a maintainer reads it in `pytest solutions/`'s `same-as-kata` check."""
    solution, first, later = TWO_DIFFERENCES["in two steps"]
    repo.write("solutions/basics/test_adding.py", solution)
    result = repo.run("solutions/basics/test_adding.py")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = flat(result)
    assert "FAILED solutions/basics/test_adding.py::same-as-kata" in output
    assert f"line {first} of the kata is `assert 1 + 1 == __`" in output
    assert f"line {later} of the kata is" not in output


def test_a_learners_copy_changed_in_two_places_names_the_first(recorded: KataRepo) -> None:
    """README: a kata changed outside its blanks "fails with the line that changed". With two
    changes, that is the first one: catches the learner-copy check (shipped.py, through the same
    drift walk) naming the last change."""
    changed = ADDING_KATA.replace("assert 1 + 1 == __", "assert 2 == __").replace(
        "assert 2 + 2 == answer", "assert 4 == answer"
    )
    recorded.write("katas/basics/test_adding.py", changed.replace("== __", "== 2"))
    result = recorded.run("katas/basics/test_adding.py")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = flat(result)
    assert "was changed outside its blanks (line 7 of the kata as shipped is" in output
    assert "line 12 of the kata as shipped" not in output


# --- pytest solutions/ checks the record of the katas as shipped ---------------------------------

EXTRA_KATA = '"""Lists repeat too."""\n\nfrom pytest_katas import __\n\n\ndef test_it():\n' + (
    "    assert [0] * 2 == __\n"
)
EXTRA_ENTRY = """
[[katas]]
id = "extra"
file = "test_extra.py"
title = "Extra"
hints = ["One.", "Two."]

[katas.zh]
title = "额外"
lesson = "列表也能重复。"
hints = ["一。", "二。"]
translates = {title = "2e4aaf05", lesson = "3f33b88d", hints = "1ff2416d"}
"""


@pytest.mark.parametrize("record", [TREE_RECORD, "shipped.json"], ids=["the tree's", "a named"])
def test_pytest_solutions_names_a_kata_missing_from_the_shipped_record(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch, record: str
) -> None:
    """README: `pytest solutions/` checks that the record of the katas as shipped is up to date:
    a pack's `katas-shipped.json`, or the file `$PYTEST_KATAS_SHIPPED` names. A kata added after
    the record was written is not in it (so a learner's copy of it would never be checked), and
    the message names the record and the command that writes it: catches the `not-recorded`
    problem being dropped, where only a stale entry was tested."""
    if record != TREE_RECORD:
        repo.record_as_shipped(monkeypatch)  # writes the record $PYTEST_KATAS_SHIPPED names
    repo.write("katas/more/test_extra.py", EXTRA_KATA)
    repo.write("solutions/more/test_extra.py", EXTRA_KATA.replace("== __", "== [0, 0]"))
    repo.write("katas/more/topic.toml", repo.read("katas/more/topic.toml") + EXTRA_ENTRY)
    result = repo.run("solutions/more/test_extra.py")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert result.parseoutcomes()["failed"] == 1
    problem = (
        f"katas/more/test_extra.py is not in {record}, so a learner's change outside its blanks "
        f"would go unseen: run {shlex.quote(sys.executable)} -m pytest_katas.shipped to record "
        "the katas as shipped"
    )
    assert problem in flat(result)
    # the kata's one problem (its translation records the English it translates)
    failed = "FAILED solutions/more/test_extra.py::kata-checks"
    result.stdout.fnmatch_lines([f"{failed} - katas/more/test_extra.py is not in {record},*"])
    assert "does not record which English it translates" not in flat(result)
