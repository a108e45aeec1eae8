"""`pytest --hint` and `pytest --solution`: what the learner sees and the exit status."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from pytest_katas.shipped import RECORD_VARIABLE
from tests.kata_repo import KataRepo


def test_hint_gives_one_more_hint_each_time_for_the_kata_in_focus(repo: KataRepo) -> None:
    first = repo.run("--hint")
    assert first.ret == pytest.ExitCode.OK
    first.stdout.fnmatch_lines(
        [
            "Hint 1 of 2 for katas/basics/test_adding.py: Adding numbers",
            "> 1. Count on your fingers.",
            "1 more hint left: run pytest --hint katas/basics/test_adding.py again for the next "
            "one.",
        ]
    )
    second = repo.run("--hint")
    second.stdout.fnmatch_lines(
        [
            "Hint 2 of 2 for katas/basics/test_adding.py: Adding numbers",
            "  1. Count on your fingers.",
            "> 2. The first answer is 2.",
            "That is every hint. The solution unlocks when the kata passes: "
            "pytest katas/basics/test_adding.py",
        ]
    )
    third = repo.run("--hint")
    third.stdout.fnmatch_lines(["Hint 2 of 2 *", "  2. The first answer is 2."])
    state = json.loads(repo.progress_file().read_text())
    assert state["katas"]["adding"]["hints_used"] == 2


def test_the_hints_used_show_in_the_report(repo: KataRepo) -> None:
    repo.run("--hint")
    result = repo.run("katas/")
    assert result.outlines[-3:-1] == [
        "Stuck? A hint (1 of 2 left):",
        "  pytest --hint katas/basics/test_adding.py",
    ]


def test_bare_hint_from_the_root_runs_no_tests(repo: KataRepo) -> None:
    repo.write("solutions/more/test_strings.py", "def test_boom():\n    raise SystemExit(3)\n")
    result = repo.run("--hint")
    assert result.ret == pytest.ExitCode.OK
    output = result.stdout.str()
    assert "test session starts" not in output
    assert "collected" not in output


def test_hint_for_a_named_kata(repo: KataRepo) -> None:
    result = repo.run("--hint", "katas/more/test_strings.py")
    result.stdout.fnmatch_lines(["Hint 1 of 2 for katas/more/test_strings.py: Multiplying strings"])


def test_hint_for_a_folder_takes_its_first_unfinished_kata(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    repo.run("katas/basics/")
    result = repo.run("--hint", "katas/basics")
    result.stdout.fnmatch_lines(["Hint 1 of 3 for katas/basics/test_counting.py: *"])


def test_a_bare_hint_inside_a_topic_folder_means_the_kata_the_last_report_named(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.run("katas/more/")
    monkeypatch.chdir(repo.root / "katas" / "basics")
    result = repo.run("--hint")
    result.stdout.fnmatch_lines(["Hint 1 of 2 for ../more/test_strings.py: Multiplying strings"])


def test_a_bare_solution_inside_another_topic_folder_means_the_most_recently_solved(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.solve("more/test_strings.py")
    repo.run("katas/")
    monkeypatch.chdir(repo.root / "katas" / "basics")
    result = repo.run("--solution")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        ["Multiplying strings: your answers in katas/more/test_strings.py beside the reference's"]
    )


def test_every_printed_command_works_as_printed_from_a_topic_folder(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from inside katas/basics/, the report's commands name paths from there, and each
    command printed, run as printed from there, does what it says."""
    monkeypatch.chdir(repo.root / "katas" / "basics")
    report = repo.run(".").stdout.str()
    lines = report.splitlines()
    command = lines[next(i for i, line in enumerate(lines) if line.startswith("Stuck?")) + 1]
    assert command == "  pytest --hint test_adding.py"
    assert "katas/basics/" not in report  # the failures name the kata as typed here too
    shown = repo.run(*command.split()[1:])
    assert shown.ret == pytest.ExitCode.OK
    shown.stdout.fnmatch_lines(["Hint 1 of 2 for test_adding.py: Adding numbers"])
    repo.solve("basics/test_adding.py")
    solved = repo.run("test_adding.py").stdout.str().splitlines()
    unlocked = next(i for i, line in enumerate(solved) if "Its solution is unlocked" in line)
    solution = solved[unlocked + 1]
    assert solution == "  pytest --solution test_adding.py"
    assert repo.run(*solution.split()[1:]).ret == pytest.ExitCode.OK
    repo.write("katas/basics/test_adding.py", repo.read("katas/basics/test_adding.py") + "# x\n")
    reset = repo.run("--reset", "test_adding.py")
    reset.stdout.fnmatch_lines(["test_adding.py is back as shipped; *"])


def test_a_bare_hint_means_the_kata_the_last_report_named(repo: KataRepo) -> None:
    repo.run("katas/more/")
    result = repo.run("--hint")
    result.stdout.fnmatch_lines(["Hint 1 of 2 for katas/more/test_strings.py: *"])


def test_hint_for_a_solved_kata_spends_nothing(repo: KataRepo) -> None:
    repo.solve("more/test_strings.py")
    repo.run("katas/")
    result = repo.run("--hint", "katas/more/test_strings.py")
    result.stdout.fnmatch_lines(["katas/more/test_strings.py is solved: no hint was spent.*"])
    state = json.loads(repo.progress_file().read_text("utf-8"))
    assert state["katas"]["strings"]["hints_used"] == 0


def test_a_bare_solution_means_the_most_recently_solved_kata(repo: KataRepo) -> None:
    repo.solve("more/test_strings.py")
    repo.run("katas/")
    result = repo.run("--solution")
    assert result.ret == pytest.ExitCode.OK
    assert "katas/more/test_strings.py" in result.stdout.str()
    time.sleep(1.1)  # first passes are kept to the second
    repo.solve("basics/test_adding.py")
    repo.run("katas/basics/test_adding.py")
    latest = repo.run("--solution").stdout.str()
    assert "katas/basics/test_adding.py" in latest and "test_strings.py" not in latest


def test_hint_follows_the_focus_as_katas_pass(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    repo.run("katas/")
    result = repo.run("--hint")
    result.stdout.fnmatch_lines(["Hint 1 of 3 for katas/basics/test_counting.py: *"])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["katas/basics/test_nope.py"],
            "ERROR: katas/basics/test_nope.py does not exist; give pytest --hint a kata path such "
            "as katas/basics/test_adding.py, or no path for the kata you are on",
        ),
        (
            ["solutions/basics/test_adding.py"],
            "ERROR: solutions/basics/test_adding.py is a solution; name its kata instead: "
            "pytest --hint katas/basics/test_adding.py",
        ),
        (
            ["pyproject.toml"],
            "ERROR: pyproject.toml is not a kata listed in a topic.toml under katas/*",
        ),
        (
            ["katas/basics/test_adding.py", "katas/more/test_strings.py"],
            "ERROR: pytest --hint takes one kata path, not 2",
        ),
    ],
)
def test_hint_refuses_what_is_not_one_kata(
    repo: KataRepo, arguments: list[str], message: str
) -> None:
    result = repo.run("--hint", *arguments)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([message])
    assert "Traceback" not in result.stderr.str()


def test_a_broken_hint_entry_is_a_one_line_error_naming_the_manifest(repo: KataRepo) -> None:
    repo.write(
        "katas/more/topic.toml",
        repo.read("katas/more/topic.toml").replace(
            'hints = ["Repetition.", "Twice ab."]', 'hints = "Repetition."'
        ),
    )
    result = repo.run("--hint", "katas/more/test_strings.py")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        [
            'ERROR: katas/more/topic.toml: kata "strings" needs hints = ["…", "…"], a list of 2 to '
            "4 non-empty strings"
        ]
    )


def test_hint_with_invalid_toml_names_the_file(repo: KataRepo) -> None:
    repo.write("katas/more/topic.toml", "title = \n")
    result = repo.run("--hint")
    result.stdout.fnmatch_lines(["! katas/more/topic.toml: not valid TOML (*); fix it*"])
    result.stdout.fnmatch_lines(["Hint 1 of 2 for katas/basics/test_adding.py: *"])


def test_hint_without_a_katas_folder(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--hint")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: pytest --hint needs a katas/ folder under *"])


def test_hint_when_everything_is_green(repo: KataRepo) -> None:
    for kata in ("basics/test_adding.py", "basics/test_counting.py", "more/test_strings.py"):
        repo.solve(kata)
    repo.run("katas/")
    result = repo.run("--hint")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["All 3 katas are green: nothing is left to do."])


def test_hint_and_solution_together_are_refused(repo: KataRepo) -> None:
    result = repo.run("--hint", "--solution")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: use one of --hint --solution at a time"])


def test_a_locked_solution_is_refused(repo: KataRepo) -> None:
    result = repo.run("--solution", "katas/basics/test_adding.py")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert (
        "The solution to katas/basics/test_adding.py (Adding numbers) is locked: it unlocks "
        "when the kata passes. Run pytest katas/basics/test_adding.py, or pytest --hint "
        "katas/basics/test_adding.py for a hint."
    ) in " ".join(result.stdout.str().split())  # wrapped to the terminal's width
    assert "== 2" not in result.stdout.str()


def test_bare_solution_means_the_kata_in_focus(repo: KataRepo) -> None:
    result = repo.run("--solution")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["The solution to katas/basics/test_adding.py *locked*"])


@pytest.mark.parametrize("how", ["--full", "a kata no record knows"])
def test_an_unlocked_solution_is_shown_as_a_diff_against_the_learners_file(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The whole file as a diff: asked for with --full, or the only view of a kata that no record
    of the katas as shipped knows (its blanks cannot be found to pair the answers)."""
    options = ["--full"] if how == "--full" else []
    if not options:
        monkeypatch.setenv(RECORD_VARIABLE, str(repo.root / "no-record.json"))
    repo.solve("basics/test_adding.py")
    repo.run("katas/")
    repo.write(
        "katas/basics/test_adding.py",
        repo.read("katas/basics/test_adding.py").replace("answer = 4", "answer = 2 + 2"),
    )
    result = repo.run("--solution", "katas/basics/test_adding.py", *options)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        [
            "Adding numbers: your katas/basics/test_adding.py against the reference solution",
            "--- katas/basics/test_adding.py (yours)",
            "+++ solutions/basics/test_adding.py (reference)",
            "@@ *",
            "-    answer = 2 + 2",
            "+    answer = 4",
        ]
    )


def test_the_diff_is_highlighted_when_colour_is_on(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    repo.run("katas/")
    repo.write(
        "katas/basics/test_adding.py",
        repo.read("katas/basics/test_adding.py").replace("answer = 4", "answer = 2 + 2"),
    )
    result = repo.run("--solution", "katas/basics/test_adding.py", "--full", "--color=yes")
    assert "\x1b[32m+    answer = 4" in result.stdout.str()
    assert "\x1b[31m-    answer = 2 + 2" in result.stdout.str()


def test_a_solution_identical_to_the_learners_file(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    repo.run("katas/")
    result = repo.run("--solution", "katas/basics/test_adding.py", "--full")
    result.stdout.fnmatch_lines(["Your file matches the reference solution line for line."])


def test_a_missing_solution_file_is_a_clear_error(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    repo.run("katas/")
    (repo.root / "solutions/basics/test_adding.py").unlink()
    result = repo.run("--solution", "katas/basics/test_adding.py")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["ERROR: solutions/basics/test_adding.py is missing from this copy of the repository*"]
    )


def test_a_corrupt_state_file_does_not_stop_a_hint(repo: KataRepo) -> None:
    repo.run("--hint")
    repo.progress_file().write_text("[1, 2")
    result = repo.run("--hint")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["! *progress.json is not valid JSON*", "Hint 1 of 2 *"])


def test_solution_refuses_an_unknown_kata_path(repo: KataRepo) -> None:
    result = repo.run("--solution", "katas/more/test_nope.py")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["ERROR: katas/more/test_nope.py does not exist; give pytest --solution a kata path*"]
    )
    assert "Traceback" not in result.stderr.str()


def test_a_path_from_the_root_works_from_a_topic_folder_too(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pytest --hint katas/more/test_strings.py`, as printed by a run at the root, typed inside
    katas/basics/: the same kata."""
    monkeypatch.chdir(repo.root / "katas" / "basics")
    result = repo.run("--hint", "katas/more/test_strings.py")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["Hint 1 of 2 for ../more/test_strings.py: Multiplying strings"])


def test_printed_commands_start_this_installations_pytest_when_path_finds_another(
    repo: KataRepo,
) -> None:
    """Every printed command works as printed: a learner who runs an environment's pytest
    without activating it (PATH finds no pytest, or another) is shown the full path of this
    one's, and running the command exactly as printed gives the hint."""
    scripts = Path(sysconfig.get_path("scripts"))
    elsewhere = repo.root / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "pytest").write_text("#!/bin/sh\necho another pytest\n", encoding="utf-8")
    (elsewhere / "pytest").chmod(0o755)
    environment = dict(os.environ, PATH=os.pathsep.join([str(elsewhere), "/usr/bin", "/bin"]))
    environment.pop("PYTEST_ADDOPTS", None)

    def run(command: str, cwd: Path) -> str:
        done = subprocess.run(
            command,
            shell=True,
            cwd=cwd,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return done.stdout

    report = run(f"{shlex.quote(str(scripts / 'pytest'))} -p no:cacheprovider katas/", repo.root)
    printed = [line.strip() for line in report.splitlines() if "--hint katas/" in line]
    assert printed == [f"{shlex.quote(str(scripts / 'pytest'))} --hint katas/basics/test_adding.py"]
    hint = run(f"{printed[0]} -p no:cacheprovider", repo.root)
    assert "Hint 1 of 2 for katas/basics/test_adding.py" in hint
    assert "another pytest" not in hint


def test_the_suites_conftest_leaves_a_learners_path_alone() -> None:
    """A bare `pytest --hint` at this repository's root loads tests/conftest.py (testpaths): if
    importing it put this environment first on PATH, the printed `pytest …` would name a pytest
    the learner's shell does not start (found by a newcomer review)."""
    root = Path(__file__).parents[1]
    code = (
        "import os, sys\n"
        "before = os.environ['PATH']\n"
        "import tests.conftest\n"
        "sys.exit(0 if os.environ['PATH'] == before else 1)\n"
    )
    environment = {**os.environ, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=environment, check=False, timeout=60
    )
    assert done.returncode == 0
