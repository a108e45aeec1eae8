"""The plugin's own hooks, through the example in the README (so the README stays true)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.kata_repo import KataRepo

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Extending pytest-katas", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the README's hook example is missing"
    return match.group(1)


def test_a_kata_check_hook_adds_problems_to_the_kata_checks(repo: KataRepo) -> None:
    repo.write("conftest.py", readme_example())
    result = repo.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        ["katas/basics/test_adding.py: Adding numbers: the lesson does not mention the seed note"]
    )
    result.stdout.fnmatch_lines(["*3 failed*"])


def test_a_render_hook_replaces_the_progress_table(repo: KataRepo) -> None:
    repo.write("conftest.py", readme_example())
    result = repo.run("katas/")
    result.stdout.fnmatch_lines(["Basics: 0 of 2 katas", "More: 0 of 1 katas"])
    assert "All katas" not in result.stdout.str()
    assert "next up: katas/basics/test_adding.py" in result.stdout.str()
