"""How fast `pytest --watch katas/` answers a save, against a cold `python -m pytest KATA`.

Not a test: it prints figures measured side by side in one run, on this machine.

    python bench/bench_watch.py [--rounds 10]

It copies this repository's katas into a temporary folder, starts `python -m pytest --watch katas/`
there, and then, round after round, alternates two measurements of the same kata (the last one in
learner order, so that a save runs that kata alone, as the cold run does):

- watch: append a comment to the kata, and time from the write to the moment the run's final line
  (`=== 1 failed in 0.05s ===`) comes out of the watcher;
- cold: start `python -m pytest katas/<that kata>`, and time from the start to its final line.

It prints the median of each, and their ratio (the goal: watch at least 3 times as fast).
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
        """When the first line after `since` that matches came, and where the next one starts."""
        deadline = time.monotonic() + TIMEOUT
        with self.condition:
            while True:
                for index in range(since, len(self.lines)):
                    moment, line = self.lines[index]
                    found = (
                        pattern.search(line) if isinstance(pattern, re.Pattern) else pattern in line
                    )
                    if found:
                        return moment, index + 1
                since = len(self.lines)
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise RuntimeError(f"no line like {pattern!r}: the output ended or stalled")
                self.condition.wait(min(left, 0.5))


def build_repository(folder: Path) -> str:
    """A copy of this repository's katas; returns the last kata in learner order."""
    sys.path.insert(0, str(ROOT))
    from pytest_katas.catalog import Catalog

    shutil.copytree(ROOT / "katas", folder / "katas", ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\naddopts = ["--import-mode=importlib"]\n', encoding="utf-8"
    )
    katas = Catalog.load(folder, folder / "katas").katas
    if not katas:
        raise SystemExit("no katas found in the copy of katas/")
    return katas[-1].display


def environment() -> dict[str, str]:
    variables = {**os.environ, "PYTEST_KATAS_LANG": "en", "PY_COLORS": "0"}
    variables.pop("PYTEST_ADDOPTS", None)
    return variables


def time_cold_run(folder: Path, kata: str) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "pytest", kata],
        cwd=folder,
        env=environment(),
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
    return moment - start


def time_watch_run(folder: Path, kata: str, output: Output, round_number: int) -> float:
    time.sleep(0.3)  # let the watcher settle, as a learner takes a while between saves
    since = output.mark()
    path = folder / kata
    text = path.read_text(encoding="utf-8")
    start = time.perf_counter()
    path.write_text(f"{text}# round {round_number}\n", encoding="utf-8")
    moment, since = output.wait_for(FINAL_LINE, since)
    output.wait_for(KEYS_LINE, since)  # the watcher is ready for the next save
    return moment - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="katas-bench-watch-"))
    watcher: subprocess.Popen[bytes] | None = None
    try:
        kata = build_repository(folder)
        watcher = subprocess.Popen(
            [sys.executable, "-m", "pytest", "--watch", "katas/"],
            cwd=folder,
            env=environment(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        output = Output(watcher)
        output.wait_for(KEYS_LINE, 0)  # the first run, of every kata, is over
        time_cold_run(folder, kata)  # warm the file system cache once
        watch_times, cold_times = [], []
        for number in range(arguments.rounds):
            if number % 2:
                cold_times.append(time_cold_run(folder, kata))
                watch_times.append(time_watch_run(folder, kata, output, number))
            else:
                watch_times.append(time_watch_run(folder, kata, output, number))
                cold_times.append(time_cold_run(folder, kata))
        watch, cold = statistics.median(watch_times), statistics.median(cold_times)
        print(
            f"{kata}, median of {arguments.rounds} alternating rounds, Python "
            f"{sys.version.split()[0]}"
        )
        print(f"  save to result with pytest --watch katas/:  {watch * 1000:6.0f} ms")
        print(f"  cold python -m pytest {kata}:  {cold * 1000:6.0f} ms")
        print(f"  watch is {cold / watch:.1f} times as fast (goal: at least 3)")
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
