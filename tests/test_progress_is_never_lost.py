"""Progress is never lost, and a run always ends with its report, whatever the kata's code does.

Each test is named for the case it holds (issue: progress that is never lost). Runs that must die
or be signalled run in a subprocess; the others in pytester's own process.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.kata_repo import KataRepo

TOPIC_HEAD = 'title = "Hostile"\n\n[zh]\ntitle = "敌意"\n'
ENTRY = """
[[katas]]
id = "{id}"
file = "test_{name}.py"
title = "{name}"
hints = ["One.", "Two.", "Three.", "Four."]
"""
PASSING = '"""A kata already solved."""\n\n\ndef test_it():\n    assert 1 + 1 == 2\n'


class Tree:
    """A kata tree of one topic, `hostile`, whose katas are given in learner order."""

    def __init__(self, root: Path, katas: dict[str, str], *, time_limit: float = 0.5) -> None:
        self.root = root
        (root / "katas" / "hostile").mkdir(parents=True, exist_ok=True)
        (root / "pytest.ini").write_text(
            f"[pytest]\naddopts = --import-mode=importlib -p no:randomly\n"
            f"kata_time_limit = {time_limit}\n",
            encoding="utf-8",
        )
        (root / "katas" / "curriculum.toml").write_text('topics = ["hostile"]\n', "utf-8")
        entries = [TOPIC_HEAD]
        for name, source in katas.items():
            entries.append(ENTRY.format(id=name.replace("_", "-"), name=name))
            self.write(name, source)
        (root / "katas" / "hostile" / "topic.toml").write_text("".join(entries), "utf-8")

    def write(self, name: str, source: str | bytes) -> None:
        path = self.root / "katas" / "hostile" / f"test_{name}.py"
        if isinstance(source, str):
            source = textwrap.dedent(source).encode("utf-8")
        path.write_bytes(source)

    @property
    def state_file(self) -> Path:
        return self.root / "katas-progress.json"

    def state(self) -> dict[str, object]:
        data = json.loads(self.state_file.read_text("utf-8"))
        assert isinstance(data, dict)
        return data

    def passed(self) -> set[str]:
        katas = self.state()["katas"]
        assert isinstance(katas, dict)
        return {kata_id for kata_id, record in katas.items() if record["first_passed"]}

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "pytest", *args]

    def run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(*args),
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=_environment(),
            check=False,
        )

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            self.command(*args),
            cwd=self.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=_environment(),
        )

    def journal_has(self, kind: str, kata: str) -> bool:
        folder = self.root / ".katas-progress.json.journal"
        lines = [
            line for path in folder.glob("*.jsonl") for line in path.read_text("utf-8").splitlines()
        ]
        return any(f'"type": "{kind}"' in line and f'"kata": "{kata}"' in line for line in lines)


def _environment() -> dict[str, str]:
    environment = dict(os.environ, PYTEST_KATAS_LANG="en", COLUMNS="120")
    environment.pop("PYTEST_ADDOPTS", None)
    environment.pop("PYTEST_XDIST_WORKER", None)
    return environment


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    return Tree(tmp_path, {"first": PASSING})


def _wait_for(condition: object, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.02)
    raise AssertionError("timed out waiting")


# --- where progress lives ---------------------------------------------------------------------


def test_cache_clear_and_deleting_pytest_cache_lose_nothing(tree: Tree) -> None:
    tree.run("katas/")
    assert tree.passed() == {"first"}
    tree.run("katas/", "--cache-clear")
    shutil.rmtree(tree.root / ".pytest_cache", ignore_errors=True)
    result = tree.run("katas/hostile/test_first.py")
    assert tree.passed() == {"first"}
    assert "1/1 katas" in result.stdout


def test_progress_in_the_old_cache_folder_is_moved_over_once(repo: KataRepo) -> None:
    old = repo.root / ".pytest_cache" / "d" / "katas" / "progress.json"
    old.parent.mkdir(parents=True)
    record = {
        "steps": {"test_repeat": True},
        "hints_used": 1,
        "first_passed": "2026-01-01T00:00:00+00:00",
    }
    old.write_text(json.dumps({"schema": 1, "katas": {"strings": record}}), "utf-8")
    first = repo.run("katas/")
    assert "your progress moved from" in first.stdout.str()
    assert not old.exists()
    state = json.loads(repo.progress_file().read_text("utf-8"))
    assert state["katas"]["strings"]["first_passed"] == "2026-01-01T00:00:00+00:00"
    assert state["katas"]["strings"]["hints_used"] == 1
    second = repo.run("katas/")
    assert "your progress moved" not in second.stdout.str()


# --- concurrency ------------------------------------------------------------------------------


RUNS = 8


def test_simultaneous_runs_lose_nothing(tmp_path: Path) -> None:
    for trial in range(3):
        tree = Tree(tmp_path / f"trial{trial}", {f"k{n}": PASSING for n in range(RUNS)})
        processes = [tree.start(f"katas/hostile/test_k{n}.py") for n in range(RUNS)]
        for process in processes:
            process.communicate(timeout=120)
        assert tree.passed() == {f"k{n}" for n in range(RUNS)}, f"trial {trial}"


def test_simultaneous_hints_are_all_counted(tree: Tree) -> None:
    processes = [tree.start("--hint", "katas/hostile/test_first.py") for _ in range(3)]
    for process in processes:
        process.communicate(timeout=120)
    katas = tree.state()["katas"]
    assert isinstance(katas, dict)
    assert katas["first"]["hints_used"] == 3


# --- bad bytes --------------------------------------------------------------------------------


def test_a_state_file_that_is_not_utf8_is_set_aside(tree: Tree) -> None:
    tree.state_file.write_bytes(b"\xff\xfe{not text")
    hint = tree.run("--hint")
    assert hint.returncode == 0, hint.stdout + hint.stderr
    assert "katas-progress.json is not UTF-8 text" in hint.stdout
    assert "INTERNALERROR" not in hint.stdout + hint.stderr
    run = tree.run("katas/")
    assert "INTERNALERROR" not in run.stdout + run.stderr
    assert tree.passed() == {"first"}
    assert list(tree.root.glob("katas-progress.broken-*.json"))


def test_a_kata_with_a_coding_cookie_runs_and_keeps_its_lesson(tree: Tree) -> None:
    tree.write(
        "first",
        '"""Counting in GBK."""\n# -*- coding: gbk -*-\n# 中文\n\n\ndef test_it():\n'
        "    assert 1 + 1 == 2\n".encode("gbk"),
    )
    result = tree.run("katas/")
    assert result.returncode == 0, result.stdout
    assert tree.passed() == {"first"}


def test_a_kata_with_a_byte_order_mark_keeps_its_lesson(tree: Tree) -> None:
    tree.write(
        "first",
        b'\xef\xbb\xbf"""The lesson after a BOM."""\n\n\n'
        b"def test_it():\n    x = 1\n    assert x == 2\n",
    )
    result = tree.run("katas/")
    assert "The lesson after a BOM." in result.stdout
    assert "INTERNALERROR" not in result.stdout


def test_a_kata_with_bytes_no_encoding_decodes_fails_with_the_reason(tree: Tree) -> None:
    tree.write(
        "first", b'"""Bad bytes."""\nword = "\xff\xfe"\n\n\ndef test_it():\n    assert word\n'
    )
    result = tree.run("katas/")
    assert result.returncode == 1
    assert "cannot be imported" in result.stdout
    assert "INTERNALERROR" not in result.stdout


def test_an_empty_kata_file_is_reported_not_dropped(tree: Tree) -> None:
    tree.write("first", "")
    result = tree.run("katas/")
    assert result.returncode == 1
    assert "katas/hostile/test_first.py is empty" in result.stdout


def test_a_manifest_problem_is_one_line_printed_first(tree: Tree) -> None:
    manifest = tree.root / "katas" / "hostile" / "topic.toml"
    manifest.write_text(manifest.read_text("utf-8") + "\n[[katas]\n", "utf-8")
    result = tree.run("katas/")
    first = result.stdout.splitlines()[0]
    assert first.startswith("! katas/hostile/topic.toml: not valid TOML")
    assert "INTERNALERROR" not in result.stdout


# --- read-only trees --------------------------------------------------------------------------


READ_ONLY = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && exec "$@"'


@pytest.fixture
def read_only_tree(tmp_path: Path) -> Tree:
    """A tree on a read-only mount (a user namespace of its own, so root cannot write either)."""
    if (
        shutil.which("unshare") is None
        or subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False).returncode
    ):
        pytest.skip("needs unshare -rm (util-linux) to mount the tree read-only")
    second = '"""Two."""\nfrom pytest_katas import __\n\n\ndef test_it():\n    assert 2 == __\n'
    tree = Tree(tmp_path, {"first": PASSING, "second": second})
    tree.run("katas/")  # writable: progress exists, and first has passed
    return tree


def _run_read_only(tree: Tree, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", READ_ONLY, str(tree.root), *tree.command(*args)],
        cwd=tree.root,
        capture_output=True,
        text=True,
        timeout=60,
        env=_environment(),
        check=False,
    )


def test_a_read_only_tree_runs_hints_and_solutions_and_says_so_once(read_only_tree: Tree) -> None:
    before = read_only_tree.state_file.read_bytes()
    run = _run_read_only(read_only_tree, "katas/")
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout.count("progress could not be saved") == 1
    assert "1/2 katas" in run.stdout
    hint = _run_read_only(read_only_tree, "--hint")
    assert hint.returncode == 0, hint.stdout + hint.stderr
    assert "Hint 1 of 4" in hint.stdout
    assert hint.stdout.count("progress could not be saved") == 1
    solution = _run_read_only(read_only_tree, "--solution", "katas/hostile/test_first.py")
    assert "Traceback" not in solution.stdout + solution.stderr
    assert read_only_tree.state_file.read_bytes() == before


# --- a run that is stopped or dies ----------------------------------------------------------------

SLOW = '"""Slow."""\nimport time\n\n\ndef test_it():\n    time.sleep(60)\n'


def test_sigterm_prints_the_report_and_keeps_what_finished(tmp_path: Path) -> None:
    tree = Tree(tmp_path, {"first": PASSING, "slow": SLOW}, time_limit=0)
    process = tree.start("katas/")
    _wait_for(lambda: tree.journal_has("enter", "slow"))
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=60)
    assert "pytest-katas: your progress" in output
    assert "stopped by SIGTERM" in output
    assert process.returncode == pytest.ExitCode.INTERRUPTED
    assert tree.passed() == {"first"}


def test_sigkill_keeps_finished_steps_and_the_next_run_says_where(tmp_path: Path) -> None:
    tree = Tree(tmp_path, {"first": PASSING, "slow": SLOW}, time_limit=0)
    process = tree.start("katas/")
    _wait_for(lambda: tree.journal_has("enter", "slow"))
    process.kill()
    process.communicate(timeout=60)
    tree.write("slow", PASSING)
    result = tree.run("katas/hostile/test_slow.py")
    assert "the last run ended abruptly in katas/hostile/test_slow.py (test_it)" in result.stdout
    assert tree.passed() == {"first", "slow"}


def test_os_exit_keeps_finished_steps_and_the_next_run_explains(tmp_path: Path) -> None:
    exits = '"""Exits."""\nimport os\n\n\ndef test_it():\n    os._exit(0)\n'
    tree = Tree(tmp_path, {"first": PASSING, "exits": exits})
    tree.run("katas/")
    again = tree.run("katas/hostile/test_first.py")
    assert "ended abruptly in katas/hostile/test_exits.py" in again.stdout
    assert "os._exit()" in again.stdout
    assert tree.passed() == {"first"}


# --- what learner code does to the process -----------------------------------------------------

HOSTILE = {
    "closes_stdout": "import sys\n\ndef test_it():\n    sys.stdout.close()\n",
    "closes_stderr_and_fds": (
        "import os, sys\n\ndef test_it():\n    sys.stderr.close()\n    os.close(1)\n"
        "    os.close(2)\n"
    ),
    "damages_builtins": (
        "import builtins\n\ndef test_it():\n    del builtins.len\n    builtins.print = None\n"
        "    builtins.isinstance = None\n    builtins.open = None\n"
    ),
    "exits_in_a_step": "import sys\n\ndef test_it():\n    sys.exit(3)\n",
    "forks": "import os\n\ndef test_it():\n    os.fork()\n",
    "changes_directory": "import os\n\ndef test_it():\n    os.chdir('/')\n",
}


@pytest.mark.parametrize("capture", ["--capture=fd", "-s"])
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_learner_code_cannot_stop_the_report(tmp_path: Path, kind: str, capture: str) -> None:
    source = f'"""Hostile: {kind}."""\n' + HOSTILE[kind]
    tree = Tree(tmp_path, {kind: source, "after": PASSING})
    result = tree.run("katas/", capture)
    output = result.stdout + result.stderr
    assert "INTERNALERROR" not in output
    assert "pytest-katas: your progress" in output
    assert "after" in tree.passed()
    expected = 1 if kind == "exits_in_a_step" else 0
    assert result.returncode == expected, output
    assert output.count("pytest-katas: your progress") == 1  # a forked child prints nothing


def test_sys_exit_at_a_kata_top_level_fails_that_kata(tmp_path: Path) -> None:
    exits = '"""Exits on import."""\nimport sys\n\nsys.exit(3)\n\n\ndef test_it():\n    pass\n'
    tree = Tree(tmp_path, {"exits": exits, "after": PASSING})
    result = tree.run("katas/")
    assert result.returncode == 1
    assert "cannot be imported: SystemExit" in result.stdout
    assert tree.passed() == {"after"}


def test_a_never_ending_thread_does_not_keep_the_run_from_exiting(tmp_path: Path) -> None:
    spins = (
        '"""Thread."""\nimport threading, time\n\n\ndef test_it():\n'
        "    threading.Thread(target=time.sleep, args=(600,)).start()\n"
    )
    tree = Tree(tmp_path, {"thread": spins})
    result = tree.run("katas/", timeout=60)
    assert result.returncode == 0
    assert "a thread started by katas/hostile/test_thread.py is still running" in result.stdout
    assert tree.passed() == {"thread"}


# --- the time limit cannot be dodged -------------------------------------------------------------


def test_a_step_that_swallows_the_time_limit_is_still_stopped(tmp_path: Path) -> None:
    swallows = '''"""Swallows."""


def test_it():
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
'''
    tree = Tree(tmp_path, {"swallows": swallows, "after": PASSING}, time_limit=0.3)
    result = tree.run("katas/")
    assert result.returncode == 1
    assert "did not finish within 0.3 s" in result.stdout
    assert tree.passed() == {"after"}


def test_an_endless_asyncio_loop_is_stopped_every_time(tmp_path: Path) -> None:
    spins = '''"""Spins."""
import asyncio


async def spin():
    while True:
        await asyncio.sleep(0)


def test_it():
    asyncio.run(spin())
'''
    tree = Tree(tmp_path, {"spins": spins}, time_limit=0.2)
    for _ in range(5):
        result = tree.run("katas/", timeout=60)
        assert "did not finish within 0.2 s" in result.stdout


def test_one_long_c_call_is_not_called_an_endless_loop(tmp_path: Path) -> None:
    waits = '"""Waits."""\nimport os\n\n\ndef test_it():\n    os.system("sleep 1.5")\n'
    tree = Tree(tmp_path, {"waits": waits}, time_limit=0.2)
    result = tree.run("katas/")
    assert "past the limit before it returned" in result.stdout
    assert "endless loop" not in result.stdout


def test_a_step_stuck_in_one_c_call_is_hard_stopped_and_explained(tmp_path: Path) -> None:
    stuck = '"""Stuck."""\nimport os\n\n\ndef test_it():\n    os.system("sleep 30")\n'
    tree = Tree(tmp_path, {"first": PASSING, "stuck": stuck}, time_limit=0.2)
    started = time.monotonic()
    result = tree.run("katas/", timeout=60)
    assert time.monotonic() - started < 25
    assert result.returncode != 0
    assert "Timeout" in result.stderr
    assert "test_stuck.py" in result.stderr  # where it was
    again = tree.run("katas/hostile/test_first.py")
    assert "ended abruptly in katas/hostile/test_stuck.py" in again.stdout
    assert tree.passed() == {"first"}
