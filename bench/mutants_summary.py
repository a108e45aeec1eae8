"""The figures of the last mutation run (`nox -s mutants`), per module, from mutmut's results in
`mutants/`: mutants in all, killed, survived, timed out, with no test, and the kill rate, then the
names of the survivors (`mutmut show NAME` shows one).

    python bench/mutants_summary.py [MODULE.py ...]

The kill rate counts a timeout as killed: the mutant made the tests hang, so they did not pass.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# mutmut's exit codes (mutmut.stats.status_by_exit_code), folded into the columns shown here
STATUS = {
    1: "killed",
    3: "killed",
    37: "killed",  # by the type checker
    0: "survived",
    5: "no tests",
    33: "no tests",
    36: "timeout",
    24: "timeout",
    -24: "timeout",
    152: "timeout",
    255: "timeout",
}
COLUMNS = ("killed", "survived", "timeout", "no tests", "other")


def results(module: Path) -> dict[str, int | None]:
    meta = ROOT / "mutants" / f"{module}.meta"
    codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return codes


def main(argv: list[str]) -> int:
    wanted = [Path(arg) for arg in argv if arg.endswith(".py")]
    if not wanted:
        wanted = sorted(
            meta.relative_to(ROOT / "mutants").with_suffix("")
            for meta in (ROOT / "mutants").rglob("*.py.meta")
        )
    print(f"{'module':<34} {'total':>5} " + " ".join(f"{c:>8}" for c in COLUMNS) + "  kill rate")
    survivors: list[tuple[str, str]] = []
    for module in wanted:
        codes = results(module)
        counts = Counter(
            STATUS.get(code, "other") if code is not None else "other" for code in codes.values()
        )
        total = len(codes)
        rate = (counts["killed"] + counts["timeout"]) / total if total else 1.0
        print(
            f"{module!s:<34} {total:>5} "
            + " ".join(f"{counts[c]:>8}" for c in COLUMNS)
            + f"  {rate:>8.1%}"
        )
        survivors += [
            (name, STATUS.get(code, "other") if code is not None else "other")
            for name, code in codes.items()
            if code is None or STATUS.get(code) not in ("killed", "timeout")
        ]
    if survivors:
        print("\nnot killed:")
        print("\n".join(f"  {status:<9} {name}" for name, status in sorted(survivors)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
