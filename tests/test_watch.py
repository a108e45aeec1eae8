"""`pytest --watch katas/`: runs on every save, the keys h, q and Enter, Ctrl-C, and its errors.

The end-to-end tests start the watcher as a learner does, `python -m pytest --watch katas/`, in a
kata repository, and read its output as it comes. Nothing here can hang: every wait is bounded, and
the watcher (with any run it started) is killed when a test ends. The last tests try the watcher's
parts in this process.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pytest_katas import watch as watch_module
from pytest_katas.catalog import Catalog
from pytest_katas.screen import width
from pytest_katas.shipped import TREE_RECORD, record_katas
from pytest_katas.watch import Events, Files, KeyInput, Watcher, _polls, _starts_quietly
from tests.kata_repo import SOLUTIONS, STRINGS_KATA, KataRepo

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="sends SIGINT, and runs are forked (POSIX only)"
)

KEYS = "save a kata to run it again · Enter: run every kata · h + Enter: next hint"
STOPPED = "Stopped watching; your progress is saved in katas-progress.json."
TIMEOUT = 60.0
"""How long a wait may last (it ends when the line comes): long enough for a loaded CI machine
under coverage, where starting a watcher took over 20 s; short of a hang going unnoticed."""
FINAL_LINE = re.compile(r"^=+ .* in [\d.]+s")
"""pytest's closing line, `=== 1 failed in 0.05s ===`: the run is over."""


class Watching:
    """`python -m pytest --watch ARGS` running in the repository, its output read as it comes."""

    def __init__(
        self, repo: KataRepo, *arguments: str, environment: dict[str, str] | None = None
    ) -> None:
        environment = {
            **os.environ,
            "PYTEST_KATAS_LANG": "en",
            "PY_COLORS": "0",
            **(environment or {}),
        }
        environment.pop("PYTEST_ADDOPTS", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pytest", "--watch", *arguments],
            cwd=repo.root,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so that the watcher and its run can be killed together
        )
        self.lines: list[str] = []
        self.read = 0
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self.collect, daemon=True)
        self.reader.start()

    def collect(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            with self.lock:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    def wait_for(self, text: str | re.Pattern[str], timeout: float = TIMEOUT) -> str:
        """The output from the last wait up to the line holding `text` (at most `timeout` s)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for index in range(self.read, len(self.lines)):
                    line = self.lines[index]
                    if text.search(line) if isinstance(text, re.Pattern) else text in line:
                        found = "\n".join(self.lines[self.read : index + 1])
                        self.read = index + 1
                        return found
            if self.process.poll() is not None and not self.reader.is_alive():
                break
            time.sleep(0.01)
        with self.lock:
            output = "\n".join(self.lines)
        pytest.fail(f"no line with {text!r} within {timeout} s; the output was:\n{output}")

    def transcript(self) -> str:
        """Everything the watcher printed so far (for a failure's message)."""
        with self.lock:
            return "\n".join(self.lines)

    def type(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{line}\n".encode())
        self.process.stdin.flush()

    def finish(self) -> tuple[int, str]:
        """Wait for the watcher to leave: its exit status, and the rest of its output."""
        status = self.process.wait(TIMEOUT)
        self.reader.join(TIMEOUT)
        with self.lock:
            rest = "\n".join(self.lines[self.read :])
        return status, rest

    def kill(self) -> None:
        """Kill the watcher and any run it started (both are in the session it leads)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


Start = Callable[..., Watching]


@pytest.fixture
def start(repo: KataRepo) -> Iterator[Start]:
    """Starts `pytest --watch ARGUMENTS` in the repository; kills it when the test ends."""
    started: list[Watching] = []

    def start(*arguments: str, environment: dict[str, str] | None = None) -> Watching:
        started.append(Watching(repo, *arguments, environment=environment))
        return started[-1]

    try:
        yield start
    finally:
        for watching in started:
            watching.kill()


def save_over(path: Path, text: str) -> None:
    """Save `text` over the file in place, in one write (as an editor that saves in place does,
    but never showing the file half written: a run of a half-written kata may come first)."""
    data = text.encode()
    assert len(data) >= path.stat().st_size  # nothing is left of the old content
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def record_before_the_save(repo: KataRepo, folder: Path, kata: str, shipped: str) -> None:
    """Record the katas as shipped with `shipped` as the kata at `kata` (under katas/), as its
    maintainer would after changing it, while the file stays as it is: the save that makes the
    change then starts a run that finds it recorded (recording after the save could come after
    that run). The record is written from a copy of the katas in `folder`, and put in place in
    one step."""
    copy = folder / "tree"
    shutil.copytree(repo.root / "katas", copy / "katas")
    (copy / "katas" / kata).write_text(shipped, encoding="utf-8")
    record_katas(Catalog.load(copy, copy / "katas"))
    (copy / TREE_RECORD).replace(repo.root / TREE_RECORD)


def progress(repo: KataRepo) -> dict[str, dict[str, object]]:
    katas: dict[str, dict[str, object]] = json.loads(repo.progress_file().read_text())["katas"]
    return katas


def test_a_save_runs_the_kata_again_h_gives_a_hint_and_ctrl_c_leaves_with_progress_saved(
    repo: KataRepo, start: Start
) -> None:
    watch = start("katas/")
    first = watch.wait_for(KEYS)
    assert "run 1: every kata in katas/" in first
    assert "collected 4 items" in first
    assert "0/3 katas" in first
    assert "next up: katas/basics/test_adding.py" in first
    assert "\x1b[2J" not in first  # the screen is cleared only on a terminal

    time.sleep(0.3)  # the file watcher is waiting by now (a save before it starts is seen too)
    repo.solve("basics/test_adding.py")
    second = watch.wait_for(KEYS)
    assert (
        "run 2: katas/basics/test_adding.py saved, with the next kata to solve, "
        "katas/basics/test_counting.py" in second
    )
    assert "collected 3 items" in second  # the saved kata and the next: not every kata
    assert "Solved for the first time: Adding numbers" in second
    assert "1/3 katas" in second
    assert "next up: katas/basics/test_counting.py" in second
    assert "Write the body of count_up_to() on line 6" in second

    watch.type("h")
    hint = watch.wait_for(KEYS)
    assert "Hint 1 of 3 for katas/basics/test_counting.py: Counting with a generator" in hint
    assert "> 1. A generator function has yield in it." in hint
    assert "2 more hints left: press h and Enter again for the next one." in hint

    watch.process.send_signal(signal.SIGINT)
    status, rest = watch.finish()
    assert status == 0
    assert STOPPED in rest
    assert "Traceback" not in rest
    state = progress(repo)
    assert state["adding"]["steps"] == {"test_one_plus_one": True, "test_two_plus_two": True}
    assert state["adding"]["first_passed"] is not None
    assert state["counting"]["hints_used"] == 1


def test_q_leaves_enter_runs_every_kata_and_a_manifest_change_too(
    repo: KataRepo, start: Start
) -> None:
    watch = start("katas/more/")
    first = watch.wait_for(KEYS)
    assert "collected 1 item" in first
    assert "Watching katas/more/:" in first

    watch.type("x")
    assert "'x' is not a key of pytest --watch" in watch.wait_for(KEYS)

    watch.type("")
    assert "run 2: every kata in katas/more/" in watch.wait_for(KEYS)

    repo.write(
        "katas/more/topic.toml",
        repo.read("katas/more/topic.toml").replace("Multiplying strings", "Repeating strings"),
    )
    third = watch.wait_for(KEYS)
    assert "run 3: every kata in katas/more/ (katas/more/topic.toml saved)" in third
    assert "Repeating strings" in third

    repo.solve("basics/test_adding.py")  # not watched: no run
    watch.type("q")
    status, rest = watch.finish()
    assert status == 0
    assert STOPPED in rest
    assert "run 4" not in rest
    assert "adding" not in progress(repo)


def test_a_save_during_a_run_is_run_next_and_ctrl_c_during_a_run_keeps_its_results(
    repo: KataRepo, start: Start
) -> None:
    slow_step = "\n\ndef test_slowly():\n    import time\n\n    time.sleep(1.5)\n"
    repo.write("katas/more/test_strings.py", repo.read("katas/more/test_strings.py") + slow_step)
    repo.record_tree()  # the kata as shipped has the slow step
    watch = start("katas/", "-v")
    watch.wait_for("collected 5 items")  # the first run has started, and takes 1.5 s
    repo.solve("basics/test_adding.py")
    second = watch.wait_for(KEYS)
    assert "run 2: katas/basics/test_adding.py saved" in second
    assert "Solved for the first time: Adding numbers" in second

    # solved, in one save: the kata without its slow step would not be the kata as shipped
    repo.write("katas/more/test_strings.py", SOLUTIONS["more/test_strings.py"] + slow_step)
    watch.wait_for("run 3: katas/more/test_strings.py saved")
    watch.wait_for("test_strings.py::test_repeat PASSED")  # now in the slow step
    watch.process.send_signal(signal.SIGINT)  # to the watcher alone: it passes it on to the run
    status, rest = watch.finish()
    assert status == 0
    assert "KeyboardInterrupt" in rest
    assert STOPPED in rest
    # the interrupted run saved what it found out before Ctrl-C
    assert progress(repo)["strings"]["steps"] == {"test_repeat": True, "test_slowly": True}


ANSWERS = ['"abab"', '"abba"', '"abab"', '"baba"', '"abab"', '"bbaa"', '"abab"', '"aabb"']
"""The strings kata's blank filled in turn right and wrong, all of one size: every save must be
told by its content, since its size never changes (and its time may not)."""


@pytest.mark.parametrize("polling", [True, False], ids=["polling", "native-events"])
def test_every_save_runs_even_one_made_as_the_last_run_ends(
    repo: KataRepo, start: Start, polling: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # watchfiles' own polling compares modification times in whole seconds: it missed these
    setting = {"WATCHFILES_FORCE_POLLING": "1" if polling else "false"}
    watch = start("katas/more/", environment=setting)
    kata = repo.root / "katas/more/test_strings.py"
    watch.wait_for(FINAL_LINE)  # the first run, of every kata watched
    # half the saves as soon as the last run has printed its result, half once the watcher
    # waits again (with the next run started ahead)
    for number, answer in enumerate(ANSWERS, start=2):
        if number > len(ANSWERS) // 2 + 1:
            watch.wait_for(KEYS)
            time.sleep(0.2)
        save_over(kata, STRINGS_KATA.replace("== __", f"== {answer}"))
        output = watch.wait_for(FINAL_LINE)
        assert f"run {number}: katas/more/test_strings.py saved" in output, watch.transcript()
        outcome = "1 passed" if answer == '"abab"' else "1 failed"
        assert outcome in output.splitlines()[-1], watch.transcript()

    watch.wait_for(KEYS)
    time.sleep(0.2)
    # a save that adds a step: the run started ahead (before the save) must see it
    step = "\n\ndef test_twice():\n    assert 2 * 2 == 4\n"
    maintainers = tmp_path_factory.mktemp("maintainer")
    record_before_the_save(repo, maintainers, "more/test_strings.py", STRINGS_KATA + step)
    save_over(kata, STRINGS_KATA.replace("== __", '== "abab"') + step)
    assert "2 passed" in watch.wait_for(FINAL_LINE).splitlines()[-1]
    watch.type("q")
    status, rest = watch.finish()
    assert status == 0
    assert not re.search(r"run \d+:", rest)  # one run per save, no more
    assert progress(repo)["strings"]["steps"] == {"test_repeat": True, "test_twice": True}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--watch", "--solution", "katas/"],
            "ERROR: use --watch or --solution, not both at once: pytest --solution KATA_PATH "
            "shows a solution, pytest --watch katas/ runs the katas as you save them",
        ),
        (
            ["--watch", "solutions/"],
            "ERROR: pytest --watch runs katas, and solutions is not under katas/; give it katas/ "
            "or a path under it",
        ),
        (
            ["--watch", "katas/basics/test_nope.py"],
            "ERROR: katas/basics/test_nope.py does not exist; give pytest --watch katas/ or a "
            "path under it",
        ),
    ],
)
def test_a_watch_that_cannot_start_says_why_in_one_line(
    repo: KataRepo, arguments: list[str], message: str
) -> None:
    result = repo.run(*arguments)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert [line for line in result.errlines if line.strip()] == [message]


def test_watch_outside_a_kata_repository_says_where_to_run_it(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--watch")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert [line for line in result.errlines if line.strip()] == [
        f"ERROR: pytest --watch needs a katas/ folder under {pytester.path}; run it from the "
        "kata repository"
    ]


def test_watch_in_addopts_is_refused(repo: KataRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_ADDOPTS", "--watch")
    result = repo.run("katas/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: --watch is set in addopts or PYTEST_ADDOPTS; *"])


def test_a_run_that_cannot_start_ends_the_watch_with_its_error(
    repo: KataRepo, start: Start
) -> None:
    watch = start("katas/", "--kata-time-limit=soon")
    status, rest = watch.finish()
    assert status == pytest.ExitCode.USAGE_ERROR
    assert "ERROR: kata_time_limit must be" in rest
    assert "Stopped watching" not in rest


# The watcher's parts, in this process


def watcher_for(repo: KataRepo, *arguments: str) -> Watcher:
    return Watcher.for_config(repo.pytester.parseconfig("--watch", *arguments))


def test_each_run_gets_the_learners_options_without_watch_hint_and_the_paths(
    repo: KataRepo,
) -> None:
    watcher = watcher_for(repo, "-x", "-k", "adding", "katas/basics/", "--hint", "katas/more")
    options = [option for option in watcher.options if not option.startswith("--basetemp")]
    assert options == ["-x", "-k", "adding"]  # (pytester adds --basetemp)
    assert watcher.typed == ["katas/basics/", "katas/more"]


def test_a_bare_watch_watches_every_kata(repo: KataRepo) -> None:
    watcher = watcher_for(repo)
    assert watcher.typed == [f"katas{os.sep}"]
    assert watcher.paths == [repo.root.resolve() / "katas"]


def test_what_a_change_runs(repo: KataRepo) -> None:
    watcher = watcher_for(repo, "katas/basics/")
    katas = repo.root.resolve() / "katas"
    adding, counting = katas / "basics/test_adding.py", katas / "basics/test_counting.py"
    plan = watcher.plan({counting})
    assert plan is not None and plan.katas is not None
    assert [kata.id for kata in plan.katas] == ["counting"]
    assert plan.next_kata is None  # the last kata watched
    plan = watcher.plan({adding})
    assert plan is not None and plan.next_kata is not None and plan.next_kata.id == "counting"
    assert watcher.plan({katas / "more/test_strings.py"}) is None  # not watched
    assert watcher.plan(set()) is None
    helper = repo.write("katas/basics/helper.py", "ANSWER = 2\n")
    for path in (helper, katas / "basics/topic.toml", katas / "basics/test_gone.py"):
        plan = watcher.plan({path})
        assert plan is not None and plan.katas is None  # every kata watched


def test_a_save_is_told_by_its_content_when_its_time_and_size_stay_the_same(
    tmp_path: Path,
) -> None:
    kata = tmp_path / "test_kata.py"
    kata.write_text("ANSWER = 1\n")
    files = Files(tmp_path, lambda path: path.suffix == ".py")
    known, changed = files.look({})
    assert changed == {str(kata)}
    assert files.look(known)[1] == set()
    moment = kata.stat().st_mtime_ns
    kata.write_text("ANSWER = 2\n")  # one character changed, within one tick of the clock
    os.utime(kata, ns=(moment, moment))
    known, changed = files.look(known)
    assert changed == {str(kata)}
    assert files.look(known)[1] == set()

    # modified long ago: its time alone tells a save (and its content is not read again)
    os.utime(kata, ns=(moment - 60 * 10**9, moment - 60 * 10**9))
    known = files.look(known)[0]
    assert known[str(kata)].digest is None
    kata.write_text("ANSWER = 3\n")
    known, changed = files.look(known)
    assert changed == {str(kata)}

    (tmp_path / "notes.txt").write_text("not watched")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "test_kata.py").write_text("")
    kata.unlink()
    added = tmp_path / "test_other.py"
    added.write_text("")
    files = Files(tmp_path, lambda path: path.suffix == ".py" and path.parent.name != "__pycache__")
    known, changed = files.look(known)
    assert changed == {str(kata), str(added)}  # one gone, one new; nothing else watched


def test_a_save_made_while_a_file_is_read_counts_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kata = tmp_path / "test_kata.py"
    kata.write_text("ANSWER = 1\n")
    files = Files(tmp_path, lambda path: path.suffix == ".py")
    known = files.look({})[0]
    read = watch_module._digest

    def read_during_a_save(path: str) -> bytes:
        if kata.read_text() == "ANSWER = 1\n":
            kata.write_text("ANSWER = 22\n")  # between the look's stat and its read
        return read(path)

    monkeypatch.setattr(watch_module, "_digest", read_during_a_save)
    known, changed = files.look(known)
    assert changed == {str(kata)}
    assert files.look(known)[1] == set()  # the save is not found a second time


def test_where_watchfiles_would_poll_the_watcher_polls_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WATCHFILES_FORCE_POLLING", "1")
    assert _polls()
    monkeypatch.setenv("WATCHFILES_FORCE_POLLING", "false")
    assert not _polls()


def test_when_the_file_watcher_stops_the_watcher_polls(repo: KataRepo) -> None:
    watcher = watcher_for(repo, "katas/")
    near, far = socket.socketpair()
    events = Events.__new__(Events)  # as the helper left it: its end of the socket closed
    events.socket, events.pid, events.stopped = near, None, threading.Event()
    watcher.events = events
    far.close()
    assert watcher.wait() is None  # look at the files
    assert watcher.events is None


@pytest.mark.parametrize(
    ("arguments", "quiet"),
    [
        ([], True),
        (["-x", "-k", "adding"], True),
        (["--junitxml=report.xml"], False),
        (["--log-file=run.log"], False),
        (["-p", "terminalprogress"], False),
    ],
)
def test_a_run_started_ahead_waits_before_it_is_configured_if_that_leaves_traces(
    repo: KataRepo, arguments: list[str], quiet: bool
) -> None:
    assert _starts_quietly(repo.pytester.parseconfig(*arguments, "katas/")) is quiet


def test_keys_are_read_a_line_at_a_time_without_blocking() -> None:
    read, write = os.pipe()
    keys = KeyInput(read)
    try:
        assert not keys.is_set() and keys.next_line() is None
        os.write(write, b"h\r\n\nq")
        assert keys.is_set()
        assert keys.next_line() == "h"
        assert keys.next_line() == ""
        assert keys.next_line() is None  # q has no Enter yet
        os.close(write)
        assert keys.next_line() == "q"  # the end of input ends the line
        assert not keys.is_set() and keys.next_line() is None
    finally:
        os.close(read)
    assert KeyInput.of(None).fd is None


def test_h_when_every_kata_is_green_and_for_a_kata_without_hints(
    repo: KataRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    watcher = watcher_for(repo, "katas/")
    watcher.last_ran = {"strings"}
    watcher.hint()
    assert "Hint 1 of 2 for katas/more/test_strings.py" in capsys.readouterr().out
    repo.write(
        "katas/more/topic.toml",
        repo.read("katas/more/topic.toml").replace('"Repetition.", "Twice ab."', '"Only one."'),
    )
    watcher.hint()
    assert '! katas/more/topic.toml: kata "strings" has 1 hint;' in capsys.readouterr().out
    for kata in ("basics/test_adding.py", "basics/test_counting.py", "more/test_strings.py"):
        repo.solve(kata)
    repo.run("katas/")
    watcher.hint()
    assert "All 3 katas are green: there is no hint left to give." in capsys.readouterr().out


def test_h_inside_a_topic_folder_names_the_kata_as_typed_there(
    repo: KataRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command the last hint prints works as printed where the watch was started."""
    monkeypatch.chdir(repo.root / "katas" / "more")
    watcher = watcher_for(repo, ".")
    watcher.last_ran = {"strings"}
    watcher.hint()
    watcher.hint()
    out = capsys.readouterr().out
    assert "Hint 1 of 2 for test_strings.py" in out
    assert "The solution unlocks when the kata passes: pytest test_strings.py" in out
    assert "katas/more/" not in out


def test_the_keys_fit_the_terminal_and_break_only_between_keys(
    repo: KataRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    watcher_for(repo, "katas/").show_keys()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 1 and all(width(line) <= 60 for line in lines), lines
    assert "h + Enter: next hint" in lines[-2] or "h + Enter: next hint" in lines[-1]
    assert " · ".join(lines) == (
        "Watching katas/: save a kata to run it again · Enter: run every kata · "
        "h + Enter: next hint · q + Enter or Ctrl-C: leave"
    ).replace("katas/", f"katas{os.sep}")


def test_where_fork_is_missing_each_run_is_a_subprocess(repo: KataRepo) -> None:
    watcher = watcher_for(repo, "katas/more/")
    watcher.preloaded = True
    assert watcher.spawn_subprocess(["-q", "katas/more/"]) == pytest.ExitCode.TESTS_FAILED


def test_without_watchfiles_the_watch_says_what_to_install(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "watchfiles", None)
    result = repo.run("--watch", "katas/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: pytest --watch needs the watchfiles package*"])
