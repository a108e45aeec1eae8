"""README promises about the progress file ("Your progress is never lost"), each guarded by a test
that fails when the promise is broken, not only when its message goes missing.

Every test names, in its docstring, the one-line bug it was written to catch.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from pytest_katas.progress import store
from tests.kata_repo import KataRepo

OLD_PASS = "2020-01-01T00:00:00+00:00"
LATER_PASS = "2026-03-01T00:00:00+00:00"


def state_of(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def set_aside_files(repo: KataRepo) -> list[Path]:
    return sorted(repo.root.glob("katas-progress.broken-*.json"))


# --- a state file that cannot be read is kept, never overwritten -------------------------------

UNREADABLE_STATES = {
    "not JSON": b"{ not json",
    "not UTF-8": b"\xff\xfe{not text",
    "another schema": json.dumps({"schema": 99, "katas": {"adding": {"stars": 3}}}).encode(),
    "no katas table": json.dumps({"schema": 1, "kata": {}}).encode(),
}


@pytest.mark.parametrize("kind", sorted(UNREADABLE_STATES))
def test_a_state_file_that_cannot_be_read_is_kept_byte_for_byte(repo: KataRepo, kind: str) -> None:
    """Guards the "set aside" promise itself: the learner's old file must survive, byte for byte,
    under the name the warning gives. Catches `_set_aside` no longer moving the file (or making
    an empty file of that name), which let the state file be overwritten while the warning
    still said it was kept."""
    old = UNREADABLE_STATES[kind]
    repo.progress_file().write_bytes(old)
    result = repo.run("katas/")
    output = " ".join(result.stdout.str().split())  # however the warning is wrapped
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    (backup,) = set_aside_files(repo)
    assert backup.read_bytes() == old
    assert f"it was kept as {backup.name}" in output
    assert state_of(repo.progress_file())["schema"] == 1  # a fresh file took its place


class _FrozenClock(datetime):
    """A clock stuck on one second, as for two runs that set a file aside within it."""

    @classmethod
    def now(cls, tz: Any = None) -> _FrozenClock:
        return cls(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def test_two_files_set_aside_in_the_same_second_are_both_kept(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set aside means "renamed, never deleted": a second unreadable file set aside within the
    same second as the first must not replace the first one's copy. Catches a set-aside name
    made of the time alone."""
    monkeypatch.setattr(store, "datetime", _FrozenClock)
    first, second = b"{ first broken file", b"{ second broken file"
    repo.progress_file().write_bytes(first)
    repo.run("katas/more/")
    repo.progress_file().write_bytes(second)
    repo.run("katas/more/")
    assert sorted(path.read_bytes() for path in set_aside_files(repo)) == [first, second]


# --- what the state file holds ------------------------------------------------------------------


def _sorted_pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [key for key, _ in pairs]
    assert keys == sorted(keys), f"keys not sorted: {keys}"
    return dict(pairs)


def test_the_state_file_is_json_with_sorted_keys(repo: KataRepo) -> None:
    """README: "plain JSON with sorted keys" (so that a learner can keep it in git and read its
    diffs). Catches the state file written with `sort_keys=False`."""
    repo.solve("more/test_strings.py")
    repo.run("katas/")
    repo.run("--hint", "katas/basics/test_adding.py")
    text = repo.progress_file().read_text("utf-8")
    data = json.loads(text, object_pairs_hook=_sorted_pairs)
    assert set(data["katas"]) == {"adding", "counting", "strings"}


def test_the_progress_file_setting_names_where_progress_lives(repo: KataRepo) -> None:
    """README: "the `katas_progress_file` ini setting names another file". Catches the setting
    being ignored (progress always in katas-progress.json)."""
    repo.write(
        "pytest.ini",
        "[pytest]\naddopts = --import-mode=importlib\nkatas_progress_file = mine/progress.json\n",
    )
    repo.solve("more/test_strings.py")
    repo.run("katas/more/")
    repo.run("--hint", "katas/basics/test_adding.py")
    repo.run("--hint", "katas/basics/test_adding.py")
    named = repo.root / "mine" / "progress.json"
    katas = state_of(named)["katas"]
    assert katas["strings"]["first_passed"] is not None
    assert katas["adding"]["hints_used"] == 2
    assert not repo.progress_file().exists()


# --- when a kata first passed -------------------------------------------------------------------


def test_first_passed_is_kept_when_the_kata_fails_and_passes_again(repo: KataRepo) -> None:
    """README and docs/report-schema.md: progress records "when each kata first passed", and it
    "stays set if the kata fails again later". Catches the time being rewritten at every pass
    (`merge` dropping its `first_passed is None` test)."""
    repo.solve("more/test_strings.py")
    repo.run("katas/more/")
    state = state_of(repo.progress_file())
    state["katas"]["strings"]["first_passed"] = OLD_PASS  # long ago, as a real first pass is
    repo.progress_file().write_text(json.dumps(state), "utf-8")
    solved = repo.read("katas/more/test_strings.py")
    repo.write("katas/more/test_strings.py", solved.replace('"abab"', '"ab"'))
    repo.run("katas/more/")
    assert state_of(repo.progress_file())["katas"]["strings"]["first_passed"] == OLD_PASS
    repo.write("katas/more/test_strings.py", solved)
    repo.run("katas/more/")
    assert state_of(repo.progress_file())["katas"]["strings"]["first_passed"] == OLD_PASS


@pytest.mark.parametrize(
    ("in_state", "in_old_place"), [(LATER_PASS, OLD_PASS), (OLD_PASS, LATER_PASS)]
)
def test_the_earlier_first_pass_is_kept_when_two_copies_of_progress_meet(
    repo: KataRepo, in_state: str, in_old_place: str
) -> None:
    """When progress from the old place (`.pytest_cache`) is moved over into a state file that
    has the same kata, the earlier first pass is kept, whichever copy holds it. Catches the
    union keeping the later one (`max` for `min`), or preferring one copy."""
    record = {"steps": {"test_repeat": True}, "hints_used": 0, "first_passed": in_state}
    repo.progress_file().write_text(
        json.dumps({"schema": 1, "katas": {"strings": record}}), "utf-8"
    )
    old = repo.root / ".pytest_cache" / "d" / "katas" / "progress.json"
    old.parent.mkdir(parents=True)
    old_record = dict(record, first_passed=in_old_place)
    old.write_text(json.dumps({"schema": 1, "katas": {"strings": old_record}}), "utf-8")
    repo.run("katas/basics/")
    assert not old.exists()
    assert state_of(repo.progress_file())["katas"]["strings"]["first_passed"] == OLD_PASS


# --- a run still going is not a run that died ---------------------------------------------------

WAITS_FOR_GO = '''\
"""Waits inside its step until the test says go."""

import time
from pathlib import Path


def test_repeat():
    go = Path(__file__).parents[2] / "go"
    while not go.exists():
        time.sleep(0.01)
'''


def _journal_has_entered(repo: KataRepo, kata_id: str) -> bool:
    folder = repo.root / ".katas-progress.json.journal"
    lines = [
        line for path in folder.glob("*.jsonl") for line in path.read_text("utf-8").split("\n")
    ]
    return any('"enter"' in line and f'"{kata_id}"' in line for line in lines)


def test_a_run_still_going_is_not_reported_as_ended_abruptly(repo: KataRepo) -> None:
    """README: several runs at once are fine, and only where the process is gone does the next
    run say where the last one ended. A run started while another is inside a step must not
    call that one dead (nor fold its journal away), and the first run's result is saved when
    it ends. Catches the liveness check of a journal's run (`journal.is_alive`) answering
    "dead" for a run that is still going."""
    repo.write("katas/more/test_strings.py", WAITS_FOR_GO)
    repo.record_tree()  # the kata as shipped
    first = repo.pytester.popen(
        [sys.executable, "-m", "pytest", "katas/more/", "--kata-time-limit=0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not _journal_has_entered(repo, "strings"):
            assert first.poll() is None, first.communicate()[0]
            assert time.monotonic() < deadline, "the first run never entered its step"
            time.sleep(0.02)
        second = repo.run("katas/basics/")
    finally:
        (repo.root / "go").touch()
        output, _ = first.communicate(timeout=120)
    assert first.returncode == 0, output
    assert "ended abruptly" not in " ".join(second.stdout.str().split())
    assert state_of(repo.progress_file())["katas"]["strings"]["first_passed"] is not None
