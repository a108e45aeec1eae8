"""How fast `pytest --watch katas/` answers a save, against a cold `python -m pytest` of the same
katas.

Not a test: it prints figures measured side by side in one run, on this machine.

    python bench/bench_watch.py [--rounds 4] [--polling] [--kata katas/x/test_y.py ...]

It copies this repository's katas into a temporary folder, starts `python -m pytest --watch katas/`
there, and then, kata after kata of a sample (by default the last kata of every topic: one per
topic, from the cheapest steps to the dearest, the curriculum's last kata, whose steps start two
Python processes and spin for 50 ms), round after round, alternates two measurements of the same
run. A save runs the saved kata with the next one not solved yet (see `pytest_katas/watch.py`), so
the cold run is given the same two katas: the two runs do the same work.

- watch: append a comment to the kata, and time from the write to the moment the run's final line
  (`=== 1 failed in 0.05s ===`) comes out of the watcher; each save comes half a second after the
  watcher is ready, as a learner takes a while between saves;
- cold: start `python -m pytest KATA [NEXT]`, and time from the start to its final line.

`--polling` sets `WATCHFILES_FORCE_POLLING=1` for the watcher, as on WSL or a network folder.

**Where the time goes.** Each run also notes two things, in a file the benchmark reads: when its
session started (pytest is configured, the plugins too; the header is about to be printed), and
how long the kata's steps themselves took. A conftest.py at the root of the copy does it: its
`pytest_sessionstart` (trylast) notes the time, and it wraps `pytest_pyfunc_call` (the call of each
step's function: the kata's own code) and adds up those times. The time to a result is then split
in three: up to the session's start (for a watch: noticing the save and opening the gate of the
run started ahead, see `pytest_katas/watch.py`; for a cold run: starting Python, importing pytest,
configuring it), the kata's steps, and the rest of the run, which is pytest's and the plugin's work
(collecting the kata, checking the learner's copy, explaining failures, saving the progress,
printing the report). The first and the last are the plugin's share. This needs nothing from the
plugin and times the same code in both kinds of run; running the kata with the plugin disabled
instead would time a different run, since the plugin changes how failures are explained and what
is printed.

Both kinds of run keep their temporary folders (a kata's `tmp_path`) under a folder of the
benchmark's own, so that pytest's clean-up of old ones (every run deletes the oldest) never meets
folders left by other programs' tests. They also keep their compiled modules in a folder of its own
(`PYTHONPYCACHEPREFIX`), written even where `PYTHONDONTWRITEBYTECODE` is set: a cold run then
starts as it does on a learner's machine after the first, with pytest and the plugin compiled
already (the benchmark runs one cold run before it measures).

It prints, for each kata, the median of each figure and the ratio of the medians; then the median
of those ratios over the sample (the goal: watch at least 5 times as fast as a cold run) and the
lowest. Where a kata's own steps are most of a watch run, nothing the plugin does can reach the
goal for that kata: the last line says how fast a watch run of each kata would be with nothing but
its steps to do.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FINAL_LINE = re.compile(r"^=+ .*\b(passed|failed|errors?|skipped|no tests ran)\b.* in [\d.]+s")
KEYS_LINE = "h + Enter"
TIMEOUT = 60.0
PAUSE_SECONDS = 0.5
"""How long after the watcher is ready each save comes."""
GOAL = 5
STEPS_VARIABLE = "KATAS_BENCH_STEPS_FILE"
STEPS_CONFTEST = f'''\
"""The benchmark's: adds up the time spent in the kata's steps, for bench/bench_watch.py."""

import os
import time

import pytest

spent = [0.0]


started = [0.0]


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session):
    started[0] = time.time()


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem):
    began = time.perf_counter()
    try:
        return (yield)
    finally:
        spent[0] += time.perf_counter() - began


def pytest_sessionfinish(session):
    path = os.environ.get("{STEPS_VARIABLE}")
    if path:
        with open(path, "a", encoding="utf-8") as file:
            file.write(f"{{spent[0]:.6f}} {{started[0]:.6f}}\\n")
'''


class Output:
    """The lines a process prints, each with the moment it was read."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.lines: list[tuple[float, str]] = []
        self.condition = threading.Condition()
        self.process = process
        threading.Thread(target=self.collect, daemon=True).start()

    def collect(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            now = time.perf_counter()
            with self.condition:
                self.lines.append((now, raw.decode("utf-8", "replace").rstrip("\n")))
                self.condition.notify_all()

    def mark(self) -> int:
        with self.condition:
            return len(self.lines)

    def wait_for(self, pattern: re.Pattern[str] | str, since: int) -> tuple[float, int]:
        """When the first line after `since` that matches came, and where the next one starts
        (a run's final line that counts errors ends the benchmark: it times the kata's steps)."""
        deadline = time.monotonic() + TIMEOUT
        with self.condition:
            while True:
                for index in range(since, len(self.lines)):
                    moment, line = self.lines[index]
                    found = (
                        pattern.search(line) if isinstance(pattern, re.Pattern) else pattern in line
                    )
                    if found and pattern is FINAL_LINE and re.search(r"\berrors?\b", line):
                        raise RuntimeError(f"the run did not run the kata's steps: {line}")
                    if found:
                        return moment, index + 1
                since = len(self.lines)
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise RuntimeError(f"no line like {pattern!r}: the output ended or stalled")
                self.condition.wait(min(left, 0.5))


class Timing:
    """One run: from the save (or the start) to its final line, to its session's start, and the
    time in the kata's steps."""

    def __init__(self, total: float, start: float, steps: float) -> None:
        self.total = total
        self.start = start
        self.steps = steps

    @property
    def rest(self) -> float:
        return self.total - self.start - self.steps


def build_repository(folder: Path, chosen: list[str]) -> list[tuple[str, list[str]]]:
    """A copy of this repository's katas; returns the sample: each kata (its path from the
    copy's root) with the run a save of it makes (that kata, and the next one if any)."""
    sys.path.insert(0, str(ROOT))
    from pytest_katas.catalog import Catalog

    shutil.copytree(ROOT / "katas", folder / "katas", ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\naddopts = ["--import-mode=importlib"]\n', encoding="utf-8"
    )
    (folder / "conftest.py").write_text(STEPS_CONFTEST, encoding="utf-8")
    (folder / "tmp").mkdir()  # PYTEST_DEBUG_TEMPROOT must exist
    catalog = Catalog.load(folder, folder / "katas")
    katas = catalog.katas
    if not katas:
        raise SystemExit("no katas found in the copy of katas/")
    displays = [kata.display for kata in katas]
    if chosen:
        unknown = [name for name in chosen if name not in displays]
        if unknown:
            raise SystemExit(f"not a kata of the curriculum: {', '.join(unknown)}")
        sample = chosen
    else:
        sample = [topic.katas[-1].display for topic in catalog.topics if topic.katas]
    # nothing is solved in the copy: the next kata not solved is the next in learner order
    return [(name, displays[displays.index(name) : displays.index(name) + 2]) for name in sample]


def environment(folder: Path, notes: Path, polling: bool = False) -> dict[str, str]:
    variables = {
        **os.environ,
        "PYTEST_KATAS_LANG": "en",
        "PY_COLORS": "0",
        "PYTEST_DEBUG_TEMPROOT": str(folder / "tmp"),
        "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
        STEPS_VARIABLE: str(notes),
    }
    variables.pop("PYTEST_ADDOPTS", None)
    variables.pop("PYTHONDONTWRITEBYTECODE", None)
    if polling:
        variables["WATCHFILES_FORCE_POLLING"] = "1"
    return variables


def last_run(notes: Path, began: float, total: float) -> Timing:
    """The last run noted in `notes`, which began at `began` (time.time()) and took `total`."""
    steps, started = notes.read_text(encoding="utf-8").split()[-2:]
    return Timing(total, float(started) - began, float(steps))


def time_cold_run(folder: Path, run: list[str]) -> Timing:
    notes = folder / "notes-cold.txt"
    began, start = time.time(), time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "pytest", *run],
        cwd=folder,
        env=environment(folder, notes),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        output = Output(process)
        moment, _ = output.wait_for(FINAL_LINE, 0)
        process.wait(TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return last_run(notes, began, moment - start)


def time_watch_run(folder: Path, kata: str, output: Output, round_number: int) -> Timing:
    time.sleep(PAUSE_SECONDS)
    since = output.mark()
    path = folder / kata
    text = path.read_text(encoding="utf-8")
    began, start = time.time(), time.perf_counter()
    path.write_text(f"{text}# round {round_number}\n", encoding="utf-8")
    moment, since = output.wait_for(FINAL_LINE, since)
    output.wait_for(KEYS_LINE, since)  # the watcher is ready for the next save (the run is over)
    return last_run(folder / "notes-watch.txt", began, moment - start)


def median(timings: list[Timing], part: str) -> float:
    values: list[float] = [getattr(timing, part) for timing in timings]
    return statistics.median(values)


def show(name: str, timings: list[Timing]) -> str:
    total, start, steps, rest = (
        median(timings, part) for part in ("total", "start", "steps", "rest")
    )
    return (
        f"    {name:<6} {total * 1000:6.0f} ms {start * 1000:11.0f} ms {steps * 1000:9.0f} ms "
        f"{rest * 1000:9.0f} ms {(total - steps) * 1000:9.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4, help="rounds per kata (default 4)")
    parser.add_argument(
        "--polling", action="store_true", help="the watcher polls (WATCHFILES_FORCE_POLLING=1)"
    )
    parser.add_argument(
        "--kata",
        action="append",
        default=[],
        help="a kata to time, as katas/<topic>/test_<name>.py (repeat it; default: the last "
        "kata of every topic)",
    )
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="katas-bench-watch-"))
    watcher: subprocess.Popen[bytes] | None = None
    try:
        sample = build_repository(folder, arguments.kata)
        watcher = subprocess.Popen(
            [sys.executable, "-m", "pytest", "--watch", "katas/"],
            cwd=folder,
            env=environment(folder, folder / "notes-watch.txt", arguments.polling),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        output = Output(watcher)
        output.wait_for(KEYS_LINE, 0)  # the first run, of every kata, is over
        how = "polling (WATCHFILES_FORCE_POLLING=1)" if arguments.polling else "file events"
        print(
            f"Medians of {arguments.rounds} alternating rounds per kata, Python "
            f"{sys.version.split()[0]}, the watcher on {how}. A save runs the kata and the next "
            "one; the cold run runs the same two."
        )
        print(
            f"    {'':<6} {'result':>9} {'session start':>14} {'steps':>12} {'rest of run':>12} "
            f"{'not steps':>12}"
        )
        ratios: list[tuple[float, str]] = []
        bounds: list[float] = []
        shares: list[float] = []
        for kata, run in sample:
            time_cold_run(folder, run)  # warm the file system cache, and compile every module
            # a first save moves the focus to this kata: the run started ahead is then its own
            time_watch_run(folder, kata, output, -1)
            watch_times, cold_times = [], []
            for number in range(arguments.rounds):
                if number % 2:
                    cold_times.append(time_cold_run(folder, run))
                    watch_times.append(time_watch_run(folder, kata, output, number))
                else:
                    watch_times.append(time_watch_run(folder, kata, output, number))
                    cold_times.append(time_cold_run(folder, run))
            watch, cold = median(watch_times, "total"), median(cold_times, "total")
            steps = median(watch_times, "steps")
            ratios.append((cold / watch, kata))
            bounds.append(cold / steps if steps else float("inf"))
            shares.append(watch - steps)
            print(f"  {kata} (+ {len(run) - 1} next): {cold / watch:.1f} times as fast")
            print(show("watch", watch_times))
            print(show("cold", cold_times))
        overall = statistics.median(ratio for ratio, _ in ratios)
        lowest, slowest = min(ratios)
        print(
            f"watch is {overall:.1f} times as fast as a cold run, median over {len(ratios)} katas "
            f"(goal: at least {GOAL}); lowest {lowest:.1f} ({slowest})"
        )
        print(
            "  the watch run's own share (its time to the result less the kata's steps), median: "
            f"{statistics.median(shares) * 1000:.0f} ms"
        )
        print(
            "  with nothing but the kata's steps to do, a watch run would be "
            + ", ".join(f"{bound:.1f}" for bound in bounds)
            + " times as fast"
        )
    finally:
        if watcher is not None:
            if watcher.poll() is None and watcher.stdin is not None:
                watcher.stdin.write(b"q\n")
                watcher.stdin.flush()
            try:
                watcher.wait(TIMEOUT)
            except subprocess.TimeoutExpired:
                watcher.kill()
                watcher.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
