"""Every build kata rejects the plausible wrong solutions kept under tests/wrong_solutions/.

A wrong solution is a file `tests/wrong_solutions/<topic>/<kata file stem>/<what is wrong>.py`
holding only top-level functions (or classes): each replaces the definition of the same name in the
reference solution `solutions/<topic>/<kata file>.py`. Its docstring says why it is wrong. The
spliced module must fail at least one step under plain pytest.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WRONG = ROOT / "tests" / "wrong_solutions"
SECONDS = 120


def wrong_solutions() -> list[Path]:
    return sorted(path for path in WRONG.glob("*/*/*.py") if path.name != "__init__.py")


def splice(solution: str, wrong: str) -> str:
    """The solution's source with each top-level definition named in `wrong` replaced by its
    definition there. Raises LookupError for a name the solution does not define."""
    replacements = {
        node.name: ast.get_source_segment(wrong, node, padded=False)
        for node in ast.parse(wrong).body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    lines = solution.splitlines(keepends=True)
    found: set[str] = set()
    # from the bottom up, so earlier line numbers stay valid
    nodes = [
        node
        for node in ast.parse(solution).body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.name in replacements
    ]
    for node in sorted(nodes, key=lambda node: node.lineno, reverse=True):
        start = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
        assert node.end_lineno is not None
        lines[start : node.end_lineno] = [f"{replacements[node.name]}\n"]
        found.add(node.name)
    missing = set(replacements) - found
    if missing:
        raise LookupError(f"the solution defines no {', '.join(sorted(missing))}")
    return "".join(lines)


@pytest.mark.parametrize(
    "wrong", wrong_solutions(), ids=lambda path: "/".join(path.relative_to(WRONG).parts)
)
def test_build_kata_rejects_wrong_solution(wrong: Path, tmp_path: Path) -> None:
    topic, stem = wrong.parent.parent.name, wrong.parent.name
    solution = ROOT / "solutions" / topic / f"{stem}.py"
    assert solution.is_file(), f"{wrong} names no solution {solution}"
    assert ast.get_docstring(ast.parse(wrong.read_text("utf-8"))), "say why it is wrong"
    source = splice(solution.read_text("utf-8"), wrong.read_text("utf-8"))
    assert ast.dump(ast.parse(source)) != ast.dump(ast.parse(solution.read_text("utf-8")))
    module = tmp_path / f"{stem}.py"
    module.write_text(source, "utf-8")
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-p",
                "no:katas",
                "-p",
                "no:cacheprovider",
                "-q",
                "-x",
                "--no-header",
                "-p",
                "no:xdist",
                str(module),
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return  # a wrong solution that never ends is rejected by the step time limit
    assert result.returncode == 1, f"the kata accepted {wrong.name}:\n{result.stdout[-2000:]}"
