"""How much pytest-katas adds to a learner's run, and how long the maintainers' suite takes.

Not a test: it prints figures measured side by side in one run, on this machine.

    python bench/bench_plugin.py [--katas 2000] [--rounds 5]

1. Builds a synthetic kata repository of 2,000 small katas (half of them solved) in a temporary
   folder, then times `pytest katas/` with the plugin against the same run with the plugin disabled
   (`-p no:katas`), alternating the two, and prints the ratio of the medians (target: 1.10 or less).
   It does so twice: as a learner runs it (the plugin condenses the failures), and with
   `--full-report`, where both runs print the same failures in full.
2. Gives that tree a 5 MB state file (katas-progress.json) and times the progress store's own work
   in a learner run: the fold at the start, one journal line per step started and per step
   finished (each under the lock), and the fold that saves at the end, against the whole run.
   It does the same on this repository's real curriculum.
3. Times `pytest solutions/` on this repository's own solutions.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOPICS = 20


def build_repository(folder: Path, katas: int) -> None:
    (folder / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\naddopts = ["--import-mode=importlib"]\n', encoding="utf-8"
    )
    topics = [f"topic_{number:02}" for number in range(TOPICS)]
    katas_dir = folder / "katas"
    katas_dir.mkdir()
    (katas_dir / "curriculum.toml").write_text(f"topics = {topics!r}\n", encoding="utf-8")
    per_topic = katas // TOPICS
    for topic in topics:
        entries = [f'title = "{topic}"\n']
        (katas_dir / topic).mkdir()
        for number in range(per_topic):
            name = f"test_{topic}_{number:03}.py"
            answer = str(number * 2) if number % 2 else "__"
            source = (
                f'"""Synthetic kata {number}."""\n\nfrom pytest_katas import __\n\n\n'
                f"def test_adds():\n    assert {number} + 1 == {number + 1}\n\n\n"
                f"def test_doubles():\n    assert {number} * 2 == {answer}\n"
            )
            (katas_dir / topic / name).write_text(source, encoding="utf-8")
            kata_id = f"{topic.replace('_', '-')}-{number}"
            entries.append(
                f'\n[[katas]]\nid = "{kata_id}"\nfile = "{name}"\ntitle = "Kata {number}"\n'
                'hints = ["Think.", "Double it."]\n'
            )
        (katas_dir / topic / "topic.toml").write_text("".join(entries), encoding="utf-8")
    record_as_shipped(folder)


def record_as_shipped(folder: Path) -> None:
    """Record the synthetic katas as shipped (with their blanks), so that each learner run checks
    them as it checks the real curriculum: changed outside the blanks, other Python versions."""
    from pytest_katas.catalog import Catalog
    from pytest_katas.shipped import RECORD_VARIABLE, record_katas

    os.environ[RECORD_VARIABLE] = str(folder / "shipped.json")
    catalog = Catalog.load(folder, folder / "katas")
    originals = {kata.path: kata.path.read_text(encoding="utf-8") for kata in catalog.katas}
    for path, source in originals.items():  # as shipped, every answer is a blank
        path.write_text(re.sub(r"== \d+\n$", "== __\n", source), encoding="utf-8")
    record_katas(catalog)
    for path, source in originals.items():
        path.write_text(source, encoding="utf-8")


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def compare(folder: Path, rounds: int, extra: list[str]) -> tuple[float, float]:
    pytest = [sys.executable, "-m", "pytest", "katas/", "-q"]
    with_plugin, without = [], []
    timed([*pytest, *extra], folder)  # warm the file system cache and the progress file once
    for _ in range(rounds):
        with_plugin.append(timed([*pytest, *extra], folder))
        without.append(timed([*pytest, "-p", "no:katas"], folder))
    return statistics.median(with_plugin), statistics.median(without)


def fill_state_file(folder: Path, megabytes: float) -> None:
    """A state file of about `megabytes` MB: a record per kata, and old records besides."""
    record = {"steps": {f"test_step_{n}": True for n in range(20)}, "hints_used": 2}
    katas: dict[str, object] = {}
    size, number = 0, 0
    while size < megabytes * 1_000_000:
        katas[f"old-kata-{number}"] = dict(record, first_passed="2026-01-01T00:00:00+00:00")
        size += 700
        number += 1
    (folder / "katas-progress.json").write_text(
        json.dumps({"schema": 1, "katas": katas}, indent=2, sort_keys=True), encoding="utf-8"
    )


def time_the_store(folder: Path) -> float:
    """Seconds the progress store spends in one learner run of `folder` (all its katas)."""
    from pytest_katas.catalog import Catalog
    from pytest_katas.progress import ProgressStore, journal

    catalog = Catalog.load(folder, folder / "katas")
    store = ProgressStore(folder / "katas-progress.json", "katas-progress.json")
    results: dict[str, dict[str, bool]] = {}
    start = time.perf_counter()
    store.fold(catalog.katas)
    for kata in catalog.katas:
        for step in kata.steps:
            store.append(journal.entry("enter", kata.id, step))
            store.append(journal.entry("step", kata.id, step, passed=True))
            results.setdefault(kata.id, {})[step] = True
    store.fold(catalog.katas, results=results, ending=True)
    return time.perf_counter() - start


def store_share(folder: Path, label: str) -> None:
    size = (folder / "katas-progress.json").stat().st_size / 1_000_000
    whole = timed([sys.executable, "-m", "pytest", "katas/", "-q", "-p", "no:randomly"], folder)
    spent = time_the_store(folder)
    print(
        f"  {label}: state file {size:.1f} MB; the store's reading, locking, merging and saving "
        f"{spent:.2f} s of a {whole:.2f} s run ({spent / whole:.1%})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--katas", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="katas-bench-"))
    try:
        build_repository(folder, arguments.katas)
        print(f"{arguments.katas} synthetic katas, median of {arguments.rounds} alternating runs")
        for label, extra in (
            ("as a learner runs it", []),
            ("with --full-report", ["--full-report"]),
        ):
            plugin, plain = compare(folder, arguments.rounds, extra)
            print(
                f"  pytest katas/ {label}: plugin {plugin:.2f} s, plugin disabled {plain:.2f} s, "
                f"ratio {plugin / plain:.3f} (target <= 1.10)"
            )
        fill_state_file(folder, 5)
        plugin, plain = compare(folder, arguments.rounds, [])
        print(
            f"  pytest katas/ with a 5 MB state file: plugin {plugin:.2f} s, plugin disabled "
            f"{plain:.2f} s, ratio {plugin / plain:.3f} (target <= 1.10)"
        )
        print("The progress store's share of a learner run:")
        store_share(folder, f"{arguments.katas} synthetic katas")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    real = Path(tempfile.mkdtemp(prefix="katas-bench-real-"))
    try:
        shutil.copytree(ROOT / "katas", real / "katas")
        (real / "pyproject.toml").write_text(
            '[tool.pytest.ini_options]\naddopts = ["--import-mode=importlib"]\n', encoding="utf-8"
        )
        timed([sys.executable, "-m", "pytest", "katas/", "-q"], real)  # a state file to start from
        store_share(real, "this repository's curriculum")
    finally:
        shutil.rmtree(real, ignore_errors=True)
    solutions = timed(
        [sys.executable, "-m", "pytest", "solutions/", "-q", "-p", "no:cacheprovider"], ROOT
    )
    print(f"pytest solutions/ on this repository: {solutions:.2f} s")


if __name__ == "__main__":
    main()
