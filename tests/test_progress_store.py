"""The state file on its own: how it is read, merged with the journals and the old cache file,
saved atomically under the lock, set aside when it holds bad bytes, and left alone when nothing can
be saved. A mistake here loses the learner's progress."""

from __future__ import annotations

import errno
import json
import os
import socket
import stat
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, cast

import filelock
import pytest

from pytest_katas.progress import journal, store
from pytest_katas.progress.records import STATE_SCHEMA, KataRecord, Progress
from pytest_katas.progress.store import (
    LEGACY_FILE,
    LOCK_SECONDS,
    PROGRESS_FILE,
    ProgressStore,
    _Gathered,
    _why_not_saved,
    _write_atomically,
    say,
)
from tests.kata_repo import kata_with_steps as kata

PASSED = "2024-01-01T00:00:00+00:00"


def make_store(tmp_path: Path, legacy: Path | None = None) -> ProgressStore:
    return ProgressStore(tmp_path / PROGRESS_FILE, PROGRESS_FILE, legacy)


def state(katas: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"schema": STATE_SCHEMA, "katas": katas, **more}


def write_state(kept: ProgressStore, data: Any) -> None:
    kept.path.write_text(json.dumps(data), "utf-8")


def saved(kept: ProgressStore) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(kept.path.read_text("utf-8"))
    return data


def record(**changes: Any) -> dict[str, Any]:
    return {**KataRecord().to_json(), **changes}


def both_passed() -> dict[str, dict[str, bool]]:
    return {"adding": {"test_a": True, "test_b": True}}


@pytest.fixture
def dead_run() -> str:
    """The run name of a process of this host that has ended."""
    # a subprocess, not a fork: forking a multi-threaded xdist worker warns on 3.12+
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return f"{socket.gethostname()}:{int(ended.stdout)}:5"


def write_journal(kept: ProgressStore, run: str, lines: list[dict[str, Any]]) -> Path:
    kept.journal.folder.mkdir(exist_ok=True)
    path = kept.journal.folder / (run.replace(":", "_") + journal.SUFFIX)
    text = "".join(json.dumps({"run": run, **item}) + "\n" for item in lines)
    path.write_text(text, "utf-8")
    return path


# --- where things are ------------------------------------------------------------------------


def test_the_journal_and_lock_sit_beside_the_state_file(tmp_path: Path) -> None:
    kept = ProgressStore(tmp_path / "mine.json", "mine.json")
    assert kept.journal.folder == tmp_path / ".mine.json.journal"
    assert Path(kept.lock.lock_file) == tmp_path / ".mine.json.lock"
    assert kept.lock.timeout == LOCK_SECONDS == 10.0
    assert kept.legacy is None and kept.not_saved is None and kept.display == "mine.json"


class FakeConfig:
    def __init__(self, root: Path, ini: dict[str, str], blocked: bool = False) -> None:
        self.rootpath = root
        self.ini = ini
        self.blocked = blocked
        self.pluginmanager = self

    def getini(self, name: str) -> str:
        return self.ini.get(name, "")

    def is_blocked(self, name: str) -> bool:
        assert name == "cacheprovider"
        return self.blocked


def test_the_settings_name_the_state_file_and_the_old_cache_file(tmp_path: Path) -> None:
    config = FakeConfig(tmp_path, {"cache_dir": ".cache"})
    kept = ProgressStore.for_config(cast(pytest.Config, config), tmp_path)
    assert kept.path == (tmp_path / PROGRESS_FILE).resolve()
    assert kept.display == PROGRESS_FILE
    assert kept.legacy == tmp_path / ".cache" / LEGACY_FILE
    assert Path("d/katas/progress.json") == LEGACY_FILE
    config.ini["katas_progress_file"] = "sub/../other.json"
    assert ProgressStore.for_config(cast(pytest.Config, config), tmp_path).display == "other.json"


def test_the_cache_dir_setting_may_name_a_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KATA_CACHE", "elsewhere")
    config = FakeConfig(tmp_path, {"cache_dir": "$KATA_CACHE/c"})
    kept = ProgressStore.for_config(cast(pytest.Config, config), tmp_path)
    assert kept.legacy == tmp_path / "elsewhere" / "c" / LEGACY_FILE


def test_without_the_cache_plugin_there_is_no_old_cache_file(tmp_path: Path) -> None:
    config = FakeConfig(tmp_path, {"cache_dir": ".cache"}, blocked=True)
    assert ProgressStore.for_config(cast(pytest.Config, config), tmp_path).legacy is None


# --- reading ---------------------------------------------------------------------------------


def test_no_state_file_is_no_progress_and_nothing_is_written(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    loaded = kept.fold([kata(tmp_path)])
    assert loaded.progress == Progress()
    assert loaded.warnings == [] and loaded.first_passes == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["test_adding.py"]


def test_the_state_file_is_read_with_its_focus(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    write_state(kept, state({"adding": record(hints_used=2)}, focus="adding"))
    loaded = kept.fold([kata(tmp_path)], save=False)
    assert loaded.progress.katas == {"adding": KataRecord(hints_used=2)}
    assert loaded.progress.focus == "adding"
    assert loaded.warnings == []


def test_a_focus_that_is_not_text_is_ignored(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    write_state(kept, state({}, focus=3))
    assert kept.fold([], save=False).progress.focus is None


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    kept.path.write_bytes(b"\xef\xbb\xbf" + json.dumps(state({"adding": record()})).encode())
    loaded = kept.fold([], save=False)
    assert list(loaded.progress.katas) == ["adding"] and loaded.warnings == []


def test_entries_that_make_no_sense_are_dropped_alone(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    katas = {"b-bad": [1], "adding": record(hints_used=1), "a-bad": record(hints_used=-1)}
    write_state(kept, state(katas))
    loaded = kept.fold([], save=False)
    assert loaded.progress.katas == {"adding": KataRecord(hints_used=1)}
    assert loaded.warnings == [
        f"{PROGRESS_FILE}: the entries for a-bad, b-bad did not make sense and were reset; "
        "every other kata keeps its progress"
    ]


def test_an_unreadable_state_file_is_told_and_left_alone(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    kept.path.mkdir()
    loaded = kept.fold([kata(tmp_path)], results=both_passed())
    assert loaded.warnings[0] == say(
        "unreadable", path=PROGRESS_FILE, error=os.strerror(errno.EISDIR)
    )
    assert kept.path.is_dir()
    assert list(tmp_path.glob("*.broken-*")) == []


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"\xff\xfe{}", "is not UTF-8 text"),
        (b"{", "is not valid JSON (Expecting property name enclosed in double quotes"),
        (b"[]", f"is not a schema-{STATE_SCHEMA} progress file"),
        (b'{"schema": 99, "katas": {}}', f"is not a schema-{STATE_SCHEMA} progress file"),
        (b'{"katas": {}}', f"is not a schema-{STATE_SCHEMA} progress file"),
        (b'{"schema": 1, "katas": []}', 'has no "katas" table'),
        (b'{"schema": 1}', 'has no "katas" table'),
    ],
)
def test_a_bad_state_file_is_set_aside_and_progress_starts_afresh(
    tmp_path: Path, content: bytes, what: str
) -> None:
    kept = make_store(tmp_path)
    kept.path.write_bytes(content)
    loaded = kept.fold([kata(tmp_path)], results=both_passed())
    (backup,) = tmp_path.glob("katas-progress.broken-*.json")
    assert backup.read_bytes() == content
    assert backup.name.startswith("katas-progress.broken-20") and len(backup.stem) == 37
    assert len(loaded.warnings) == 1
    assert loaded.warnings[0].startswith(f"{PROGRESS_FILE} {what}")
    assert loaded.warnings[0].endswith(
        f"; it was kept as {backup.name} and progress starts afresh from this run"
    )
    assert list(saved(kept)["katas"]) == ["adding"]
    assert [k.id for k in loaded.first_passes] == ["adding"]


def test_a_bad_state_file_is_only_set_aside_when_saving(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    kept.path.write_bytes(b"{")
    loaded = kept.fold([kata(tmp_path)], results=both_passed(), save=False)
    assert loaded.warnings == [] and loaded.progress.katas["adding"].first_passed
    assert kept.path.read_bytes() == b"{"


def test_a_bad_state_file_alone_is_set_aside(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    kept.path.write_bytes(b"{")
    kept.fold([])
    assert saved(kept) == state({})
    assert len(list(tmp_path.glob("*.broken-*.json"))) == 1


class Frozen(datetime):
    @classmethod
    def now(cls, tz: Any = None) -> Frozen:
        assert tz is timezone.utc
        return cls(2024, 5, 6, 7, 8, 9, tzinfo=tz)


def test_two_bad_files_set_aside_in_one_second_are_both_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "datetime", Frozen)
    kept = make_store(tmp_path)
    for number in range(3):
        kept.path.write_bytes(b"bad %d" % number)
        kept.fold([])
    names = sorted(path.name for path in tmp_path.glob("*.broken-*"))
    assert names == [
        "katas-progress.broken-20240506T070809-2.json",
        "katas-progress.broken-20240506T070809-3.json",
        "katas-progress.broken-20240506T070809.json",
    ]
    assert (tmp_path / names[0]).read_bytes() == b"bad 1"


def test_a_bad_file_that_cannot_be_moved_is_still_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace = os.replace

    def refuse_backups(source: Any, target: Any) -> None:
        if "broken" in str(target):
            raise PermissionError(errno.EACCES, "no")
        replace(source, target)

    monkeypatch.setattr(os, "replace", refuse_backups)
    kept = make_store(tmp_path)
    kept.path.write_bytes(b"{")
    loaded = kept.fold([])
    assert loaded.warnings == [
        f"{PROGRESS_FILE} is not valid JSON (Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)); progress starts afresh from this run"
    ]
    assert saved(kept) == state({})


# --- merging and saving ----------------------------------------------------------------------


def test_results_are_merged_into_what_was_kept_and_saved(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    other = {"other": record(steps={"test_x": True}, first_passed=PASSED, hints_used=3)}
    write_state(kept, state({"adding": record(hints_used=1), **other}, focus="other"))
    loaded = kept.fold([kata(tmp_path)], results={"adding": {"test_a": True}})
    assert loaded.warnings == [] and loaded.first_passes == []
    data = saved(kept)
    assert data["katas"]["adding"] == record(steps={"test_a": True}, hints_used=1)
    assert data["katas"]["other"] == other["other"]
    assert data["focus"] == "other"
    assert loaded.progress.to_json() == data


def test_a_kata_passed_this_run_is_a_first_pass_once(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    katas = [kata(tmp_path), kata(tmp_path, "other")]
    loaded = kept.fold(katas, results=both_passed())
    assert loaded.first_passes == [katas[0]]
    first = saved(kept)["katas"]["adding"]["first_passed"]
    assert first is not None
    again = kept.fold(katas, results=both_passed())
    assert again.first_passes == []
    assert saved(kept)["katas"]["adding"]["first_passed"] == first


def test_a_pass_taken_from_a_journal_is_not_this_runs_first_pass(
    tmp_path: Path, dead_run: str
) -> None:
    kept = make_store(tmp_path)
    katas = [kata(tmp_path), kata(tmp_path, "other")]
    steps = [{"type": "step", "kata": "adding", "step": s, "passed": True} for s in ("test_a",)]
    steps.append({"type": "step", "kata": "adding", "step": "test_b", "passed": True})
    write_journal(kept, dead_run, steps)
    loaded = kept.fold(katas, results={"other": {"test_a": False}})
    assert loaded.first_passes == []
    assert loaded.progress.katas["adding"].first_passed is not None
    without_results = make_store(tmp_path / "x")
    (tmp_path / "x").mkdir()
    write_journal(without_results, dead_run, steps)
    assert [k.id for k in without_results.fold(katas).first_passes] == ["adding"]


def test_a_change_is_applied_and_saved(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    loaded = kept.fold([], change=lambda progress: progress.reveal("adding"))
    assert loaded.progress.katas["adding"].revealed
    assert saved(kept)["katas"]["adding"]["revealed"] is True


def test_only_reading_writes_nothing(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    loaded = kept.fold([kata(tmp_path)], results=both_passed(), save=False)
    assert loaded.progress.katas["adding"].first_passed is not None
    assert not kept.path.exists()


def test_what_needs_saving() -> None:
    def gathered(**changes: Any) -> _Gathered:
        values: dict[str, Any] = {
            "loaded": store.Loaded(Progress()),
            "broken": None,
            "legacy": False,
            "journals": 0,
            "finished": [],
            "changed": False,
        }
        values.update(changes)
        return _Gathered(**values)

    assert not gathered().needs_saving
    assert gathered(changed=True).needs_saving
    assert gathered(broken="bad").needs_saving
    assert gathered(legacy=True).needs_saving
    assert gathered(journals=1).needs_saving


def spy_on_gathering(kept: ProgressStore, monkeypatch: pytest.MonkeyPatch, race: Any) -> list[bool]:
    """Whether `kept` held its lock at each read; `race` runs once, just after the first."""
    gather = ProgressStore._gather
    calls: list[bool] = []

    def gather_and_race(self: ProgressStore, *args: Any) -> Any:
        if self is not kept:
            return gather(self, *args)
        calls.append(self.lock.is_locked)
        gathered = gather(self, *args)
        if len(calls) == 1:
            race()
        return gathered

    monkeypatch.setattr(ProgressStore, "_gather", gather_and_race)
    return calls


def test_a_change_is_read_and_saved_under_the_lock_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept, other = make_store(tmp_path), make_store(tmp_path)
    other.fold([], change=lambda progress: progress.reveal("theirs"))
    calls = spy_on_gathering(kept, monkeypatch, lambda: None)
    kept.fold([], change=lambda progress: progress.reveal("mine"))
    assert calls == [True]
    assert sorted(saved(kept)["katas"]) == ["mine", "theirs"]


def test_a_read_that_finds_something_to_save_reads_again_under_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dead_run: str
) -> None:
    kept, other = make_store(tmp_path), make_store(tmp_path)
    step = {"type": "step", "kata": "adding", "step": "test_a", "passed": True}
    write_journal(kept, dead_run, [step])
    adding = kata(tmp_path)
    # another run saves between the first read (no lock) and the lock
    calls = spy_on_gathering(
        kept, monkeypatch, lambda: other.fold([adding], change=lambda p: p.reveal("theirs"))
    )
    kept.fold([adding])
    assert calls == [False, True]
    assert sorted(saved(kept)["katas"]) == ["adding", "theirs"]


def test_a_change_that_cannot_be_saved_is_still_returned(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    kept.path.mkdir()  # the state file's place is taken: nothing can be saved there
    loaded = kept.fold([], change=lambda progress: progress.reveal("mine"))
    assert loaded.progress.katas["mine"].revealed
    assert any(kept.display in warning for warning in loaded.warnings)


def test_the_saved_file_is_sorted_indented_utf8_json_with_a_newline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "two" / "deeper" / "state.json"
    replace = os.replace
    moved: list[Path] = []

    def spy(source: Any, target: Any) -> None:
        moved.append(Path(source))
        replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    _write_atomically(path, {"b": "é", "a": [1]})
    text = path.read_bytes().decode("utf-8")
    assert text == '{\n  "a": [\n    1\n  ],\n  "b": "é"\n}\n'
    assert os.listdir(path.parent) == ["state.json"]
    # written beside it (the same file system, so the replace is atomic), hidden by its name
    (temporary,) = moved
    assert temporary.parent == path.parent
    assert temporary.name.startswith(".state.json.")


def test_the_state_file_is_written_as_utf8_whatever_the_locale(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    _write_atomically(path, {})  # here too, so that mutmut picks this test for the function
    code = (
        "import sys; from pathlib import Path\n"
        "from pytest_katas.progress.store import _write_atomically\n"
        "assert sys.flags.utf8_mode == 0, 'the locale is meant to be ASCII'\n"
        "_write_atomically(Path(sys.argv[1]), {'name': '\\u00e9'})\n"
    )
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=True)
    assert json.loads(path.read_bytes().decode("utf-8")) == {"name": "é"}


@pytest.mark.parametrize(("umask", "mode"), [(0o027, 0o640), (0o022, 0o644), (0o077, 0o600)])
def test_the_saved_file_is_readable_as_the_umask_allows(
    tmp_path: Path, umask: int, mode: int
) -> None:
    old = os.umask(umask)
    try:
        _write_atomically(tmp_path / "state.json", {})
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "state.json").stat().st_mode) == mode


def test_a_failed_save_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("old", "utf-8")
    with pytest.raises(TypeError):
        _write_atomically(path, {"a": object()})
    assert os.listdir(tmp_path) == ["state.json"]
    assert path.read_text("utf-8") == "old"


# --- the journals ----------------------------------------------------------------------------


def test_a_dead_runs_journal_is_folded_in_told_and_removed(tmp_path: Path, dead_run: str) -> None:
    kept = make_store(tmp_path)
    adding = kata(tmp_path)
    lines: list[dict[str, Any]] = [
        {"type": "enter", "kata": "adding", "step": "test_a"},
        {"type": "step", "kata": "adding", "step": "test_a", "passed": True},
        {"type": "enter", "kata": "adding", "step": "test_b"},
    ]
    path = write_journal(kept, dead_run, lines)
    loaded = kept.fold([adding])
    assert loaded.warnings == [say("interrupted", path=adding.display, step="test_b")]
    assert "katas/basics/test_adding.py (test_b)" in loaded.warnings[0]
    assert saved(kept)["katas"]["adding"]["steps"] == {"test_a": True}
    assert not path.exists() and not kept.journal.folder.exists()


def test_a_dead_run_stopped_at_its_time_limit_is_told_so(tmp_path: Path, dead_run: str) -> None:
    kept = make_store(tmp_path)
    lines = [
        {"type": "enter", "kata": "gone", "step": "test_a"},
        {"type": "time-limit", "kata": "gone", "step": "test_a"},
    ]
    write_journal(kept, dead_run, lines)
    loaded = kept.fold([kata(tmp_path)])
    assert loaded.warnings == [say("interrupted-time-limit", path="gone", step="test_a")]


def test_a_dead_run_that_finished_its_steps_is_removed_silently(
    tmp_path: Path, dead_run: str
) -> None:
    kept = make_store(tmp_path)
    step = {"type": "step", "kata": "adding", "step": "test_a", "passed": True}
    path = write_journal(kept, dead_run, [step])
    loaded = kept.fold([kata(tmp_path)])
    assert loaded.warnings == [] and not path.exists()
    assert saved(kept)["katas"]["adding"]["steps"] == {"test_a": True}


def test_a_journal_belongs_to_the_run_its_lines_name(tmp_path: Path, dead_run: str) -> None:
    kept = make_store(tmp_path)
    step = {"type": "enter", "kata": "adding", "step": "test_a"}
    path = write_journal(kept, dead_run, [step])
    renamed = path.with_name("some_other_name.jsonl")  # a host name with `_` in it, say
    path.rename(renamed)
    loaded = kept.fold([kata(tmp_path)])
    assert loaded.warnings == [
        say("interrupted", path="katas/basics/test_adding.py", step="test_a")
    ]
    assert not renamed.exists()


def test_an_empty_journal_belongs_to_the_run_its_file_names(tmp_path: Path, dead_run: str) -> None:
    kept = make_store(tmp_path)
    empty = write_journal(kept, dead_run, [])
    live = write_journal(kept, "another-host:1:2", [])
    assert kept.fold([]).warnings == []
    assert not empty.exists() and live.exists()


def test_a_live_runs_journal_is_folded_in_and_kept(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    step = {"type": "step", "kata": "adding", "step": "test_a", "passed": True}
    path = write_journal(kept, "another-host:1:2", [step])
    loaded = kept.fold([kata(tmp_path)])
    assert loaded.warnings == [] and path.exists()
    assert saved(kept)["katas"]["adding"]["steps"] == {"test_a": True}


def test_this_runs_journal_goes_only_when_the_run_ends(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    adding = kata(tmp_path)
    assert kept.append(journal.entry("enter", "adding", "test_a")) == []
    assert kept.append(journal.entry("step", "adding", "test_a", passed=True)) == []
    loaded = kept.fold([adding])
    assert loaded.warnings == [] and kept.journal.path.exists()
    assert saved(kept)["katas"]["adding"]["steps"] == {"test_a": True}
    kept.fold([adding], ending=True)
    assert not kept.journal.folder.exists()
    assert kept.append(journal.entry("enter", "adding", "test_b")) == []  # opened afresh
    assert len(kept.journal.runs()) == 1


# --- the old cache file ----------------------------------------------------------------------


def test_the_old_cache_file_is_merged_in_once_and_removed(tmp_path: Path) -> None:
    legacy = tmp_path / ".pytest_cache" / LEGACY_FILE
    legacy.parent.mkdir(parents=True)
    old = {"adding": record(hints_used=4), "bad": "x"}
    legacy.write_text(json.dumps({"katas": old}), "utf-8")
    kept = make_store(tmp_path, legacy)
    write_state(kept, state({"adding": record(hints_used=1)}))
    loaded = kept.fold([])
    assert loaded.warnings == [say("moved", old=legacy, new=PROGRESS_FILE)]
    assert saved(kept)["katas"] == {"adding": record(hints_used=4)}
    assert not legacy.exists()
    assert kept.fold([]).warnings == []


def test_an_old_cache_file_that_makes_no_sense_is_left_alone_by_a_save(tmp_path: Path) -> None:
    legacy = tmp_path / "old.json"
    kept = make_store(tmp_path, legacy)
    for content in (b"{", b"\xff", b"[]", b'{"katas": []}', b"\xef\xbb\xbf{}"):
        legacy.write_bytes(content)
        assert kept.fold([], change=lambda progress: progress.reveal("x")).warnings == []
        assert legacy.read_bytes() == content
    assert saved(kept)["katas"] == {"x": record(revealed=True)}


def test_an_old_cache_file_that_is_the_state_file_is_not_moved(tmp_path: Path) -> None:
    kept = make_store(tmp_path, tmp_path / PROGRESS_FILE)
    write_state(kept, {"schema": STATE_SCHEMA, "katas": {"adding": record()}})
    assert kept.fold([]).warnings == []
    assert kept.path.exists()


# --- when nothing can be saved ---------------------------------------------------------------


def refuse_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, data: dict[str, Any]) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(store, "_write_atomically", refuse)


def test_a_read_only_tree_keeps_the_progress_read_and_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = make_store(tmp_path)
    write_state(kept, state({"other": record(hints_used=2)}))
    refuse_writes(monkeypatch)
    loaded = kept.fold([kata(tmp_path)], results=both_passed())
    assert loaded.warnings == [
        say("not-written", path=PROGRESS_FILE, error=os.strerror(errno.EROFS))
    ]
    assert loaded.progress.katas["other"].hints_used == 2
    assert loaded.progress.katas["adding"].first_passed is not None
    assert kept.not_saved == os.strerror(errno.EROFS)
    assert kept.fold([kata(tmp_path)], results=both_passed()).warnings == []
    assert kept.append(journal.entry("enter", "adding", "test_a")) == []
    assert not kept.journal.folder.exists()
    assert saved(kept) == state({"other": record(hints_used=2)})


def test_a_journal_that_cannot_be_written_is_told_once(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    kept.journal.folder.write_text("in the way", "utf-8")
    warnings = kept.append(journal.entry("enter", "adding", "test_a"))
    assert warnings == [say("not-written", path=PROGRESS_FILE, error=os.strerror(errno.EEXIST))]
    assert kept.append(journal.entry("enter", "adding", "test_a")) == []


def test_a_lock_held_too_long_is_told(tmp_path: Path) -> None:
    kept = make_store(tmp_path)
    kept.lock = filelock.FileLock(kept.lock.lock_file, timeout=0)
    holder = filelock.FileLock(kept.lock.lock_file)
    with holder:
        loaded = kept.fold([kata(tmp_path)], results=both_passed())
    reason = "another pytest run held the lock for 10 s"
    assert loaded.warnings == [say("not-written", path=PROGRESS_FILE, error=reason)]
    assert loaded.progress.katas["adding"].first_passed is not None
    assert not kept.path.exists()


def test_why_not_saved_falls_back_to_the_error_text() -> None:
    assert _why_not_saved(OSError("plain")) == "plain"
    assert _why_not_saved(OSError(errno.ENOSPC, "full")) == "full"
