"""The progress model on its own: what a record keeps, how two records merge so that nothing earned
is lost, and which step results make a kata pass (and unlock its solution)."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from pytest_katas.catalog import Kata
from pytest_katas.progress.records import STATE_SCHEMA, KataRecord, KataStatus, Progress, now
from tests.kata_repo import kata_with_steps


def kata(tmp_path: Path, kata_id: str = "adding", steps: tuple[str, ...] = ("a", "b")) -> Kata:
    return kata_with_steps(tmp_path, kata_id, steps, hints=("one", "two"))


def record_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "steps": {"test_a": True, "test_b": False},
        "hints_used": 2,
        "first_passed": "2024-01-01T00:00:00+00:00",
        "revealed": True,
        "changed": True,
    }
    data.update(changes)
    return data


def test_now_is_utc_in_whole_seconds() -> None:
    text = now()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", text)
    assert datetime.fromisoformat(text).utcoffset() == timezone.utc.utcoffset(None)


def test_a_new_record_has_earned_nothing() -> None:
    record = KataRecord()
    assert record.to_json() == {
        "steps": {},
        "hints_used": 0,
        "first_passed": None,
        "revealed": False,
        "changed": False,
    }


def test_a_record_survives_its_json() -> None:
    data = record_data()
    record = KataRecord.from_json(data)
    assert record is not None
    assert record.to_json() == data
    assert record.steps is not data["steps"]  # a copy: the loaded data is not shared


def test_a_record_without_fields_reads_as_nothing_earned() -> None:
    assert KataRecord.from_json({}) == KataRecord()


@pytest.mark.parametrize(
    "data",
    [
        [],
        "steps",
        None,
        record_data(steps=["test_a"]),
        record_data(steps={"test_a": 1}),
        record_data(steps={1: True}),
        record_data(hints_used="2"),
        record_data(hints_used=True),
        record_data(hints_used=-1),
        record_data(hints_used=2.0),
        record_data(first_passed=20240101),
        record_data(revealed="yes"),
        record_data(changed=1),
    ],
    ids=repr,
)
def test_a_record_that_makes_no_sense_is_refused(data: Any) -> None:
    assert KataRecord.from_json(data) is None


def test_a_record_with_no_hints_used_and_no_first_pass_is_read() -> None:
    record = KataRecord.from_json(record_data(hints_used=0, first_passed=None))
    assert record == KataRecord({"test_a": True, "test_b": False}, 0, None, True, True)


def test_a_union_keeps_every_pass_the_most_hints_and_the_first_pass() -> None:
    mine = KataRecord({"a": True, "b": False, "c": False}, 3, "2024-02-01T00:00:00+00:00")
    theirs = KataRecord({"a": False, "b": True, "d": False}, 1, "2024-01-01T00:00:00+00:00")
    mine.union(theirs)
    assert mine.steps == {"a": True, "b": True, "c": False, "d": False}
    assert mine.hints_used == 3
    assert mine.first_passed == "2024-01-01T00:00:00+00:00"


def test_a_union_takes_the_other_sides_hints_and_first_pass_when_larger_or_alone() -> None:
    mine = KataRecord({}, 1, None)
    mine.union(KataRecord({}, 4, "2024-01-01T00:00:00+00:00"))
    assert (mine.hints_used, mine.first_passed) == (4, "2024-01-01T00:00:00+00:00")
    theirs_without = KataRecord({}, 0, None)
    mine.union(theirs_without)
    assert (mine.hints_used, mine.first_passed) == (4, "2024-01-01T00:00:00+00:00")


def test_a_union_of_two_unpassed_records_stays_unpassed() -> None:
    mine = KataRecord()
    mine.union(KataRecord())
    assert mine.first_passed is None


@pytest.mark.parametrize(("mine", "theirs"), [(True, False), (False, True), (True, True)])
def test_a_reveal_on_either_side_is_kept(mine: bool, theirs: bool) -> None:
    record = KataRecord(revealed=mine)
    record.union(KataRecord(revealed=theirs))
    assert record.revealed is True


def test_a_union_of_unrevealed_records_is_unrevealed() -> None:
    record = KataRecord()
    record.union(KataRecord())
    assert record.revealed is False


@pytest.mark.parametrize(
    ("passed", "total", "expected"), [(2, 2, True), (1, 2, False), (0, 0, False), (3, 2, False)]
)
def test_a_kata_passes_when_every_one_of_its_steps_passed(
    passed: int, total: int, expected: bool
) -> None:
    assert KataStatus(passed, total, started=True, unlocked=False).passed is expected


def test_the_status_counts_only_the_katas_steps_that_passed(tmp_path: Path) -> None:
    adding = kata(tmp_path, steps=("a", "b", "c"))
    progress = Progress()
    progress.record("adding").steps = {"test_a": True, "test_b": False, "test_gone": True}
    assert progress.status(adding) == KataStatus(1, 3, started=True, unlocked=False)


def test_the_status_of_an_untouched_kata(tmp_path: Path) -> None:
    assert Progress().status(kata(tmp_path)) == KataStatus(0, 2, started=False, unlocked=False)


def test_a_kata_once_passed_is_unlocked(tmp_path: Path) -> None:
    progress = Progress()
    progress.record("adding").first_passed = "2024-01-01T00:00:00+00:00"
    assert progress.status(kata(tmp_path)).unlocked is True


def test_a_kata_whose_file_is_gone_is_counted_by_its_recorded_steps(tmp_path: Path) -> None:
    gone = kata(tmp_path)
    gone.path.unlink()
    progress = Progress()
    progress.record("adding").steps = {"test_a": True, "test_b": True}
    assert progress.status(gone) == KataStatus(2, 2, started=True, unlocked=False)


def test_reveal_is_recorded_for_that_kata_only() -> None:
    progress = Progress()
    progress.reveal("adding")
    assert progress.katas["adding"].revealed is True
    assert set(progress.katas) == {"adding"}


def test_changed_is_recorded_and_cleared_but_adds_no_untouched_kata() -> None:
    progress = Progress()
    progress.record("kept")
    progress.mark_changed({"changed": True, "kept": False, "untouched": False})
    assert progress.katas["changed"].changed is True
    assert progress.katas["kept"].changed is False
    assert "untouched" not in progress.katas
    progress.mark_changed({"changed": False})
    assert progress.katas["changed"].changed is False


def test_a_union_of_progress_takes_in_every_kata_and_keeps_the_focus() -> None:
    mine = Progress({"a": KataRecord({"x": True})}, focus="a")
    theirs = Progress({"a": KataRecord({"y": True}), "b": KataRecord(hints_used=2)}, focus="b")
    mine.union(theirs)
    assert mine.katas["a"].steps == {"x": True, "y": True}
    assert mine.katas["b"].hints_used == 2
    assert mine.focus == "a"


def test_a_union_takes_the_other_focus_when_there_is_none() -> None:
    mine = Progress()
    mine.union(Progress(focus="b"))
    assert mine.focus == "b"


def test_merge_keeps_the_newest_result_and_reports_a_first_pass(tmp_path: Path) -> None:
    adding = kata(tmp_path)
    progress = Progress()
    progress.record("adding").steps = {"test_a": True, "test_b": False}
    first = progress.merge([adding], {"adding": {"test_b": True}})
    assert first == [adding]
    record = progress.katas["adding"]
    assert record.steps == {"test_a": True, "test_b": True}
    assert record.first_passed is not None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", record.first_passed)


def test_merge_lets_a_newer_failure_replace_a_pass_but_keeps_the_unlock(tmp_path: Path) -> None:
    adding = kata(tmp_path)
    progress = Progress()
    progress.merge([adding], {"adding": {"test_a": True, "test_b": True}})
    first_passed = progress.katas["adding"].first_passed
    again = progress.merge([adding], {"adding": {"test_a": False}})
    assert again == []
    assert progress.katas["adding"].steps == {"test_a": False, "test_b": True}
    assert progress.katas["adding"].first_passed == first_passed


def test_merge_of_some_steps_is_not_a_pass(tmp_path: Path) -> None:
    adding = kata(tmp_path)
    progress = Progress()
    assert progress.merge([adding], {"adding": {"test_a": True}}) == []
    assert progress.katas["adding"].first_passed is None


def test_merge_drops_the_steps_a_kata_no_longer_has(tmp_path: Path) -> None:
    adding = kata(tmp_path)
    progress = Progress()
    progress.record("adding").steps = {"test_gone": True}
    progress.merge([adding], {"adding": {"test_a": True, "test_b": False}})
    assert progress.katas["adding"].steps == {"test_a": True, "test_b": False}


def test_merge_keeps_the_steps_of_a_kata_whose_file_is_gone(tmp_path: Path) -> None:
    gone = kata(tmp_path)
    gone.path.unlink()
    progress = Progress()
    progress.record("adding").steps = {"test_old": True}
    progress.merge([gone], {"adding": {"test_new": False}})
    assert progress.katas["adding"].steps == {"test_old": True, "test_new": False}


def test_merge_touches_only_the_katas_with_results(tmp_path: Path) -> None:
    adding = kata(tmp_path)
    other = kata(tmp_path, "other")
    progress = Progress()
    progress.merge([adding, other], {"other": {"test_a": True, "test_b": True}})
    assert set(progress.katas) == {"other"}


def test_the_state_file_is_sorted_and_says_its_schema_and_focus() -> None:
    progress = Progress({"b": KataRecord(), "a": KataRecord({"x": True})}, focus="b")
    data = progress.to_json()
    assert data["schema"] == STATE_SCHEMA == 1
    assert list(data["katas"]) == ["a", "b"]
    assert data["katas"]["a"] == KataRecord({"x": True}).to_json()
    assert data["focus"] == "b"


def test_the_state_file_has_no_focus_when_there_is_none() -> None:
    assert "focus" not in Progress().to_json()
