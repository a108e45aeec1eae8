"""README promises to the learner ("For learners", "Solutions stay hidden", --reveal, teachers'
reports), each guarded by a test that fails when the promise is broken.

Screen texts are being reworded, so these tests look for a few stable words in the output with its
whitespace flattened, never for the report's layout. Every test names, in its docstring, the
one-line bug it was written to catch.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pytest_katas.html_report import main as katas_report
from tests.kata_repo import KataRepo
from tests.report_schema import assert_valid_report


def flat(result: pytest.RunResult) -> str:
    """The run's output with every run of whitespace one space, however the lines are wrapped."""
    return " ".join(result.stdout.str().split())


# --- solutions stay hidden ----------------------------------------------------------------------

SECRET = "def test_secret_solution_step():\n    assert True\n"


@pytest.mark.parametrize(
    "paths",
    [
        pytest.param(("katas/", "."), id="katas-and-the-root"),
        pytest.param(("katas/more/", "katas/.."), id="katas-and-their-parent"),
    ],
)
def test_a_learners_run_that_reaches_solutions_never_collects_them(
    repo: KataRepo, paths: tuple[str, ...]
) -> None:
    """README: "a learner's run never collects `solutions/`". A run is a learner's when a path
    given lies under katas/; if another path given is the root, collection walks into
    solutions/ unless the learner's run refuses it. (`pytest katas/` alone never goes there, and
    `--collect-only` leaves the plugin out, so neither can catch it.) Catches the
    `pytest_ignore_collect` guard of `LearnerRun` being dropped."""
    repo.write("solutions/more/test_extra.py", SECRET)
    result = repo.run(*paths, "-v")
    output = result.stdout.str()
    assert "pytest-katas" in output  # a learner's run
    assert "solutions/" not in output
    assert "test_secret_solution_step" not in output
    result.assert_outcomes(failed=4)  # the three katas' four steps, nothing else


# --- hints ---------------------------------------------------------------------------------------


def test_when_every_hint_is_out_the_report_says_so(repo: KataRepo) -> None:
    """The report's last words for the kata in focus: once all its hints are shown, it says all
    of them are out (not "0 of 2 left", not nothing). Catches the `stuck-no-hints-left`
    message being dropped for the ordinary one."""
    repo.run("--hint", "katas/basics/test_adding.py")
    before = flat(repo.run("katas/"))
    assert not re.search(r"all 2 (hints )?are out", before, re.IGNORECASE)
    repo.run("--hint", "katas/basics/test_adding.py")
    after = flat(repo.run("katas/"))
    assert re.search(r"all 2 (hints )?are out", after, re.IGNORECASE)
    assert "0 of 2 left" not in after
    assert "pytest --hint katas/basics/test_adding.py" in after  # how to see them again


def test_a_hint_asked_for_when_every_hint_is_out_says_that_is_all(repo: KataRepo) -> None:
    """`pytest --hint` once every hint is out shows them all again and says there is no more,
    naming how the solution unlocks. Catches that last line being dropped."""
    for _ in range(3):
        result = repo.run("--hint", "katas/more/test_strings.py")
    output = flat(result)
    assert result.ret == pytest.ExitCode.OK
    assert "1. Repetition." in output and "2. Twice ab." in output
    assert "every hint" in output
    assert "pytest katas/more/test_strings.py" in output
    assert "hints left" not in output and "hint left" not in output


# --- a kata's lesson, whatever its encoding ------------------------------------------------------

GBK_KATA = '''\
# -*- coding: gbk -*-
"""字符串可以相乘：这是用 GBK 编码保存的课文。"""

from pytest_katas import __


def test_repeat():
    assert "ab" * 2 == __
'''


def test_a_kata_saved_in_another_encoding_keeps_its_lesson(repo: KataRepo) -> None:
    """README: "a kata in any encoding Python accepts (a coding cookie, a byte-order mark)
    keeps its lesson". The existing coding-cookie test has an ASCII lesson and a passing kata,
    so the lesson is never shown: this one is in focus and its lesson is Chinese in GBK.
    Catches the kata's source being read as UTF-8 whatever its cookie says."""
    (repo.root / "katas/more/test_strings.py").write_bytes(GBK_KATA.encode("gbk"))
    result = repo.run("katas/more/test_strings.py")
    output = "".join(result.stdout.str().split())  # Chinese may be wrapped between any two
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "字符串可以相乘：这是用GBK编码保存的课文。" in output
    assert "\ufffd" not in output


# --- what the teacher's report records ----------------------------------------------------------


def report_entries(path: Path) -> dict[str, dict[str, Any]]:
    data = assert_valid_report(path)
    return {entry["id"]: entry for entry in data["katas"]}


def kata_row(html: str, title: str) -> str:
    """The learner page's table row of the kata titled `title`."""
    rows: list[str] = [row for row in re.findall(r"<tr>.*?</tr>", html, re.DOTALL) if title in row]
    assert len(rows) == 1, rows
    return rows[0]


def test_a_reveal_is_recorded_in_the_teachers_report_and_page(
    repo: KataRepo, tmp_path: Path
) -> None:
    """README: `pytest --reveal KATA` "shows a kata's answers, and the progress and the
    teacher's report record that it was asked". Catches `--kata-report` writing `revealed`
    as false whatever the progress says, and the HTML page leaving out its mark."""
    repo.run("--reveal", "katas/basics/test_adding.py")
    repo.run("katas/", "--kata-report=alice.json", "--kata-learner=alice")
    entries = report_entries(repo.root / "alice.json")
    assert entries["adding"]["revealed"] is True
    assert entries["strings"]["revealed"] is False
    page = tmp_path / "alice.html"
    assert katas_report(["-o", str(page), str(repo.root / "alice.json")]) == 0
    html = page.read_text("utf-8")
    assert "answers revealed" in kata_row(html, "Adding numbers")
    assert "answers revealed" not in kata_row(html, "Multiplying strings")


def test_a_kata_changed_outside_its_blanks_is_marked_in_the_teachers_report(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """docs/report-schema.md: `changed` is true when the kata, as last run, was changed outside
    its blanks. Catches `--kata-report` writing `changed` as false whatever the progress says,
    and the HTML page leaving out its mark."""
    repo.record_as_shipped(monkeypatch)
    repo.write(
        "katas/basics/test_adding.py",
        repo.read("katas/basics/test_adding.py").replace("assert 1 + 1 == __", "assert True"),
    )
    repo.run("katas/", "--kata-report=bob.json", "--kata-learner=bob")
    entries = report_entries(repo.root / "bob.json")
    assert entries["adding"]["changed"] is True
    assert entries["strings"]["changed"] is False
    page = tmp_path / "bob.html"
    assert katas_report(["-o", str(page), str(repo.root / "bob.json")]) == 0
    html = page.read_text("utf-8")
    assert "changed outside its blanks" in kata_row(html, "Adding numbers")
    assert "changed outside its blanks" not in kata_row(html, "Multiplying strings")


def test_a_kata_put_back_as_shipped_is_no_longer_marked_changed(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`changed` says how the kata was "when it last ran": once the learner puts the kata back
    (by hand or with `pytest --reset`) and runs it, the mark goes. Catches the mark being set
    but never cleared."""
    repo.record_as_shipped(monkeypatch)
    shipped = repo.read("katas/basics/test_adding.py")
    repo.write("katas/basics/test_adding.py", shipped.replace("assert 1 + 1 == __", "assert True"))
    repo.run("katas/basics/", "--kata-report=bob.json")
    assert report_entries(repo.root / "bob.json")["adding"]["changed"] is True
    reset = repo.run("--reset", "katas/basics/test_adding.py")
    assert reset.ret == pytest.ExitCode.OK
    repo.run("katas/basics/", "--kata-report=bob.json")
    assert report_entries(repo.root / "bob.json")["adding"]["changed"] is False
    state = json.loads(repo.progress_file().read_text("utf-8"))
    assert state["katas"]["adding"]["changed"] is False
