"""The run journals on their own: each step's result kept as it finishes, read back in order, and
where a run that died was. A mistake here loses a finished step or blames the wrong one."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pytest_katas.progress import journal
from pytest_katas.progress.journal import (
    Interruption,
    Journal,
    current_run,
    entry,
    is_alive,
    run_of,
    step_results,
    where_it_stopped,
)


def line(kind: str, kata: str = "k", step: str = "s", **more: object) -> dict[str, object]:
    return {"run": "r", "type": kind, "kata": kata, "step": step, **more}


def test_a_run_is_named_by_host_pid_and_a_start_that_stays() -> None:
    host, pid, start = current_run().split(":")
    assert (host, pid) == (socket.gethostname(), str(os.getpid()))
    assert start.isdigit()
    assert current_run() == current_run()


@pytest.fixture
def only_signal_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real os.kill, but a signal other than 0 fails the test instead of being sent: a wrong
    signal would hang up this process, or pid 1."""
    real_kill = os.kill

    def ask(pid: int, signal: int) -> None:
        assert signal == 0, f"signal {signal} sent to {pid}"
        real_kill(pid, signal)

    monkeypatch.setattr(os, "kill", ask)


@pytest.mark.usefixtures("only_signal_zero")
def test_this_process_is_alive_and_other_hosts_count_as_alive() -> None:
    assert is_alive(current_run())
    assert is_alive("another-host:1:2")
    assert is_alive(f"{socket.gethostname()}:not-a-pid:2")


@pytest.mark.usefixtures("only_signal_zero")
def test_a_process_that_is_gone_is_not_alive(tmp_path: Path) -> None:
    # a subprocess, not a fork: forking a multi-threaded xdist worker warns on 3.12+
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    assert not is_alive(f"{socket.gethostname()}:{int(ended.stdout)}:1")


@pytest.mark.usefixtures("only_signal_zero")
def test_a_process_that_is_not_ours_is_alive() -> None:
    assert is_alive(f"{socket.gethostname()}:1:1")


def test_an_entry_names_this_run() -> None:
    assert entry("step", "k", "s", passed=True) == {
        "run": current_run(),
        "type": "step",
        "kata": "k",
        "step": "s",
        "passed": True,
    }


def test_appended_lines_are_read_back_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    kept = Journal(folder)
    kept.append(entry("enter", "k", "s"))
    kept.append(entry("step", "k", "s", passed=True, note="é"))
    kept.close()
    assert kept.path == folder / (current_run().replace(":", "_") + ".jsonl")
    assert kept.path.read_bytes().decode("utf-8").count("\n") == 2
    assert "é" in kept.path.read_text("utf-8")
    ((path, lines),) = Journal(folder).runs()
    assert path == kept.path
    assert [item["type"] for item in lines] == ["enter", "step"]
    kept.close()  # closing twice is harmless


def test_appending_after_close_opens_the_journal_again(tmp_path: Path) -> None:
    kept = Journal(tmp_path)
    kept.append(entry("enter", "k", "s"))
    kept.close()
    kept.append(entry("enter", "k", "t"))
    kept.close()
    assert len(Journal(tmp_path).runs()[0][1]) == 2


def test_runs_are_read_oldest_first_and_bad_lines_are_skipped(tmp_path: Path) -> None:
    good = json.dumps(line("step", passed=True))
    (tmp_path / "h_1_20.jsonl").write_text(good + "\n", "utf-8")
    (tmp_path / "h_2_3.jsonl").write_bytes(
        b'{"run": "r", "type": "enter", "kata": "k", "step": "s"}\n'
        b"\xff\xfe not utf-8\n"
        b'{"run": "r", "type": "enter", "kata": "k", "step": "after"}\n'
        b"[1, 2]\n"
        b'{"run": 1, "kata": "k", "step": "s"}\n'
        b'{"run": "r", "kata": 1, "step": "s"}\n'
        b'{"run": "r", "kata": "k", "step": null}\n'
        b'{"run": "r", "type": "step", "ka'
    )
    (tmp_path / "h_3_x.jsonl").write_text(good + "\n", "utf-8")
    (tmp_path / "notes.txt").write_text(good + "\n", "utf-8")
    runs = Journal(tmp_path).runs()
    assert [path.name for path, _ in runs] == ["h_3_x.jsonl", "h_2_3.jsonl", "h_1_20.jsonl"]
    assert runs[1][1] == [line("enter"), line("enter", step="after")]


def test_a_journal_folder_that_is_missing_has_no_runs(tmp_path: Path) -> None:
    assert Journal(tmp_path / "missing").runs() == []


def test_step_results_keep_the_newest_result_of_each_step() -> None:
    lines = [
        line("step", "a", "one", passed=True),
        line("enter", "a", "two"),
        line("step", "a", "two", passed=False),
        line("step", "a", "one", passed=False),
        line("step", "b", "one", passed=True),
        line("step", "b", "two", passed="yes"),
        line("time-limit", "b", "three", passed=True),
    ]
    assert step_results(lines) == {"a": {"one": False, "two": False}, "b": {"one": True}}


def test_a_run_that_finished_its_steps_stopped_nowhere() -> None:
    lines = [line("enter", step="one"), line("step", step="one", passed=True)]
    assert where_it_stopped(lines) is None
    assert where_it_stopped([]) is None


def test_a_run_stopped_in_the_last_step_it_entered() -> None:
    lines = [
        line("enter", step="one"),
        line("step", step="one", passed=True),
        line("enter", step="two"),
    ]
    assert where_it_stopped(lines) == Interruption("k", "two", timed_out=False)


def test_a_result_of_another_step_does_not_close_the_open_one() -> None:
    lines = [line("enter", "k", "two"), line("step", "k", "one", passed=True)]
    assert where_it_stopped(lines) == Interruption("k", "two", timed_out=False)
    lines = [line("enter", "k", "two"), line("step", "other", "two", passed=True)]
    assert where_it_stopped(lines) == Interruption("k", "two", timed_out=False)


def test_a_time_limit_fired_in_the_open_step_is_told() -> None:
    lines = [line("enter", step="one"), line("time-limit", step="one")]
    assert where_it_stopped(lines) == Interruption("k", "one", timed_out=True)


def test_a_time_limit_belongs_to_its_step_only() -> None:
    lines = [
        line("enter", step="one"),
        line("time-limit", step="one"),
        line("step", step="one", passed=False),
        line("enter", step="two"),
    ]
    assert where_it_stopped(lines) == Interruption("k", "two", timed_out=False)
    assert where_it_stopped([line("time-limit"), line("enter", step="two")]) == Interruption(
        "k", "two", timed_out=False
    )


def test_the_run_of_a_journal_is_its_first_lines_or_its_file_name(tmp_path: Path) -> None:
    path = tmp_path / "host_12_34.jsonl"
    assert run_of([{"run": "a:1:2"}, {"run": "b:3:4"}], path) == "a:1:2"
    assert run_of([], path) == "host:12:34"


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_child_writes_a_journal_of_its_own(tmp_path: Path) -> None:
    kept = Journal(tmp_path)
    kept.append(entry("enter", "k", "parent"))
    pid = os.fork()
    if pid == 0:
        try:
            kept.append(entry("enter", "k", "child"))
            kept.close()
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    kept.append(entry("step", "k", "parent", passed=True))
    kept.close()
    runs = {
        run_of(lines, path): [item["step"] for item in lines]
        for path, lines in Journal(tmp_path).runs()
    }
    assert runs[current_run()] == ["parent", "parent"]
    assert [steps for run, steps in runs.items() if run != current_run()] == [["child"]]
    assert journal.SUFFIX == ".jsonl"


def test_asking_whether_a_run_is_alive_sends_it_no_signal(monkeypatch: pytest.MonkeyPatch) -> None:
    # a recording os.kill: a real signal other than 0 would hang up the run asked about
    sent: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, signal: sent.append((pid, signal)))
    assert is_alive(f"{socket.gethostname()}:4321:1")
    assert sent == [(4321, 0)]


def test_a_live_run_of_another_user_is_alive(monkeypatch: pytest.MonkeyPatch) -> None:
    # what os.kill does for another user's process (the tests may run as root, never refused)
    def refuse(pid: int, signal: int) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "kill", refuse)
    assert is_alive(f"{socket.gethostname()}:4321:1")


def test_a_journal_that_cannot_be_read_hides_no_other_run(tmp_path: Path) -> None:
    good = json.dumps(line("step", passed=True)) + "\n"
    (tmp_path / "h_1_1.jsonl").write_text(good, "utf-8")
    unreadable = tmp_path / "h_2_2.jsonl"
    unreadable.mkdir()  # named like a journal, but a folder
    # the folder is listed in the file system's order: add runs until one is listed after it
    names = ["h_1_1.jsonl"]
    for start in range(3, 100):
        listed = [path.name for path in tmp_path.iterdir()]
        if listed.index(unreadable.name) < len(listed) - 1:
            break
        names.append(f"h_{start}_{start}.jsonl")
        (tmp_path / names[-1]).write_text(good, "utf-8")
    else:
        pytest.fail("the folder is always listed last")
    assert [path.name for path, _ in Journal(tmp_path).runs()] == names


def descriptors_on(path: Path) -> int:
    """How many of this process's file descriptors are open on `path` (read in Linux's /proc)."""
    target = os.path.realpath(path)
    count = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{name}") == target
        except OSError:
            continue  # the listing's own descriptor, closed since
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads Linux's /proc")
def test_a_run_keeps_one_descriptor_for_all_its_steps_and_close_releases_it(
    tmp_path: Path,
) -> None:
    kept = Journal(tmp_path)
    for step in ("one", "two", "three"):
        kept.append(entry("enter", "k", step))
        kept.append(entry("step", "k", step, passed=True))
    assert descriptors_on(kept.path) == 1
    kept.close()
    assert descriptors_on(kept.path) == 0


class _OsWhoseCloseFails:
    """The journal module's `os`, where `close` releases the descriptor and then reports an
    error (as it may on a network file system)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    @staticmethod
    def close(fd: int) -> None:
        os.close(fd)
        raise OSError(errno.EIO, "Input/output error")


def test_an_error_closing_the_journal_is_not_raised_and_appending_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = Journal(tmp_path)
    kept.append(entry("enter", "k", "s"))
    with monkeypatch.context() as patched:
        patched.setattr(journal, "os", _OsWhoseCloseFails())
        kept.close()
    kept.append(entry("step", "k", "s", passed=True))
    kept.close()
    assert [item["type"] for item in Journal(tmp_path).runs()[0][1]] == ["enter", "step"]
