"""How much pytest-katas adds to a learner's run, and how long the maintainers' suite takes.

Not a test: it prints figures measured side by side in one run, on this machine.

    python bench/bench_plugin.py [--katas 2000] [--rounds 5]

1. Builds a synthetic kata repository of 2,000 small katas (half of them solved) in a temporary
   folder, then times `pytest katas/` with the plugin against the same run with the plugin disabled
   (`-p no:katas`), alternating the two, and prints the ratio of the medians (target: 1.10 or less).
   It does so twice: as a learner runs it (the plugin condenses the failures), and with
   `--full-report`, where both runs print the same failures in full.
2. Times `pytest solutions/` on this repository's own solutions.
"""

from __future__ import annotations

import argparse
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
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    solutions = timed(
        [sys.executable, "-m", "pytest", "solutions/", "-q", "-p", "no:cacheprovider"], ROOT
    )
    print(f"pytest solutions/ on this repository: {solutions:.2f} s")


if __name__ == "__main__":
    main()
