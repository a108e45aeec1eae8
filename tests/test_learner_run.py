"""What a learner sees when running `pytest katas/`, and what it does to their progress."""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import pytest

from pytest_katas.shipped import RECORD_VARIABLE
from tests.kata_repo import KataRepo

Report = Callable[[pytest.RunResult], str]


def test_progress_is_shown_per_topic_in_learner_order(repo: KataRepo, report_of: Report) -> None:
    result = repo.run("katas/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    report = report_of(result)
    basics, more, total = (line for line in report.splitlines() if " steps" in line)
    assert basics.startswith("Basics") and "0/2 katas" in basics and "0/3 steps" in basics
    assert more.startswith("More") and "0/1 katas" in more and "0/1 steps" in more
    assert total.startswith("All katas") and "0/3 katas" in total and "0/4 steps" in total


def test_katas_run_in_learner_order_not_file_name_order(repo: KataRepo) -> None:
    repo.write(
        "katas/curriculum.toml", 'topics = ["more", "basics"]\n'
    )  # "more" first, though it sorts last
    result = repo.run("katas/", "-v")
    ran = [
        line.split("::")[0] for line in result.outlines if "::test_" in line and "FAILED" in line
    ]
    assert ran[0] == "katas/more/test_strings.py"
    assert "next up: katas/more/test_strings.py" in result.stdout.str()


def test_the_kata_in_focus_fails_in_full_and_says_which_blank_to_fill(
    repo: KataRepo, report_of: Report
) -> None:
    report = report_of(repo.run("katas/"))
    assert "next up: katas/basics/test_adding.py" in report
    assert "Adding numbers" in report
    assert "One plus one is two." in report
    assert "Fill in the blank on line 7 of katas/basics/test_adding.py:" in report
    assert "-> 7 |     assert 1 + 1 == __" in report
    assert "Fill in the blank on line 11 of katas/basics/test_adding.py:" in report
    assert "BlankError" not in report


def test_katas_not_touched_yet_are_counted_not_listed(repo: KataRepo, report_of: Report) -> None:
    result = repo.run("katas/")
    report = report_of(result)
    assert "Not started yet: 2 katas (still as shipped)." in report
    assert "test_counting.py" not in report and "test_strings.py" not in report
    assert "Working on" not in report


def test_katas_being_worked_on_are_listed_most_recently_saved_first(
    repo: KataRepo, report_of: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Changed (or with a step passed) katas are listed one line each, the latest save first."""
    repo.record_as_shipped(monkeypatch)
    strings = repo.write(
        "katas/more/test_strings.py", repo.read("katas/more/test_strings.py") + "\n# trying\n"
    )
    repo.write(
        "katas/basics/test_counting.py",
        repo.read("katas/basics/test_counting.py") + "\n# trying\n",
    )
    os.utime(strings, (1_000_000_000, 1_000_000_000))  # saved long before the other
    result = repo.run("katas/")
    report = report_of(result)
    listed = report.split("Working on (most recently saved first):\n", 1)[1].splitlines()
    assert listed[0].split() == [
        "katas/basics/test_counting.py",
        "0/1",
        "steps:",
        "write",
        "the",
        "body",
        "of",
        "count_up_to()",
        "on",
        "line",
        "6",
    ]
    assert listed[1].split()[:4] == ["katas/more/test_strings.py", "0/1", "steps:", "fill"]
    assert "Not started yet" not in report
    # pytest's own sections would repeat them in full
    assert "= FAILURES =" not in result.stdout.str()
    assert "short test summary info" not in result.stdout.str()
    result.stdout.fnmatch_lines(["*= 4 failed in *"])


def test_the_kata_in_focus_comes_last_so_the_screen_ends_on_it(
    repo: KataRepo, report_of: Report
) -> None:
    report = report_of(repo.run("katas/"))
    report = report_of(repo.run("katas/"))
    assert report.index("Not started yet") < report.index("next up: katas/basics/test_adding.py")
    assert report.index("next up") < report.index("Stuck? A hint")


def test_more_than_a_handful_being_worked_on_are_counted_and_all_listed_with_v(
    repo: KataRepo, report_of: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = repo.read("katas/more/topic.toml")
    for number in range(7):
        name = f"test_extra_{number}.py"
        repo.write(
            f"katas/more/{name}",
            "from pytest_katas import __\n\n\ndef test_x():\n"
            f"    assert {number} == __  # started\n",
        )
        manifest += (
            f'\n[[katas]]\nid = "extra-{number}"\nfile = "{name}"\ntitle = "Extra {number}"\n'
            'hints = ["a", "b"]\n\n[katas.zh]\ntitle = "额外"\nhints = ["甲", "乙"]\n'
        )
    repo.write("katas/more/topic.toml", manifest)
    repo.record_as_shipped(monkeypatch)
    for number in range(7):
        name = f"katas/more/test_extra_{number}.py"
        repo.write(name, repo.read(name) + "# working on it\n")
    report = report_of(repo.run("katas/"))
    working = report.split("Working on (most recently saved first):\n", 1)[1]
    assert sum("test_extra_" in line for line in working.splitlines()) == 5
    assert "and 2 more you have started: pytest katas -v lists all" in report
    verbose = report_of(repo.run("katas/", "-v"))
    assert sum("test_extra_" in line for line in verbose.splitlines()) == 7


def test_a_wrong_answer_shows_pytests_assertion_report(
    repo: KataRepo, report_of: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a kata that no record of the katas as shipped knows, whose blanks cannot be found: a
    recorded kata's wrong answer gets the answer-safe line instead (tests/test_answers.py)."""
    monkeypatch.setenv(RECORD_VARIABLE, str(repo.root / "no-record.json"))
    repo.write(
        "katas/basics/test_adding.py",
        repo.read("katas/basics/test_adding.py").replace("== __", "== 3"),
    )
    report = report_of(repo.run("katas/"))
    assert "assert (1 + 1) == 3" in report
    assert "Fill in the blank on line 11" in report


def test_full_report_flag_restores_pytests_usual_report(repo: KataRepo) -> None:
    result = repo.run("katas/", "--full-report")
    output = result.stdout.str()
    assert "= FAILURES =" in output
    assert "short test summary info" in output
    assert "Also failing" not in output
    assert "pytest-katas: your progress" in output
    assert "Stuck? A hint (2 of 2 left):" in output


def test_the_report_ends_with_the_hint_command(repo: KataRepo) -> None:
    result = repo.run("katas/")
    assert result.outlines[-3:-1] == [
        "Stuck? A hint (2 of 2 left):",
        "  pytest --hint katas/basics/test_adding.py",
    ]


def test_all_green_congratulates_and_exits_zero(repo: KataRepo, report_of: Report) -> None:
    for kata in ("basics/test_adding.py", "basics/test_counting.py", "more/test_strings.py"):
        repo.solve(kata)
    result = repo.run("katas/")
    assert result.ret == pytest.ExitCode.OK
    report = report_of(result)
    assert "All 3 katas are green. Congratulations" in report
    assert "3/3 katas" in report and "4/4 steps" in report
    assert "next up" not in report


def test_a_first_pass_unlocks_the_solution_once(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    first = repo.run("katas/")
    first.stdout.fnmatch_lines(
        [
            "Solved for the first time: Adding numbers. Its solution is unlocked:",
            "  pytest --solution katas/basics/test_adding.py",
        ]
    )
    assert "next up: katas/basics/test_counting.py" in first.stdout.str()
    again = repo.run("katas/")
    assert "Solved for the first time" not in again.stdout.str()


def test_progress_persists_and_a_subset_updates_only_its_katas(
    repo: KataRepo, report_of: Report
) -> None:
    repo.run("katas/")
    repo.solve("more/test_strings.py")
    result = repo.run("katas/more/test_strings.py")
    assert result.ret == pytest.ExitCode.OK
    report = report_of(result)
    assert "1/3 katas" in report
    # the kata in focus was not run this time: the learner is told how to run it
    assert "next up: katas/basics/test_adding.py" in report
    assert "Not run this time; run it with:\n  pytest katas/basics/test_adding.py" in report
    state = json.loads(repo.progress_file().read_text())
    assert state["katas"]["strings"]["steps"] == {"test_repeat": True}
    assert state["katas"]["adding"]["steps"] == {
        "test_one_plus_one": False,
        "test_two_plus_two": False,
    }


def test_a_k_subset_updates_only_the_steps_it_ran(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    repo.run("katas/", "-k", "one_plus_one")
    state = json.loads(repo.progress_file().read_text())
    assert state["katas"]["adding"]["steps"] == {"test_one_plus_one": True}
    assert state["katas"]["adding"]["first_passed"] is None
    repo.run("katas/", "-k", "two_plus_two")
    state = json.loads(repo.progress_file().read_text())
    assert state["katas"]["adding"]["first_passed"] is not None


def test_a_kata_broken_again_fails_but_stays_unlocked(repo: KataRepo, report_of: Report) -> None:
    repo.solve("basics/test_adding.py")
    repo.run("katas/")
    repo.write(
        "katas/basics/test_adding.py",
        repo.read("katas/basics/test_adding.py").replace("== 2", "== 5"),
    )
    report = report_of(repo.run("katas/"))
    assert "next up: katas/basics/test_adding.py" in report
    assert "0/3 katas" in report
    shown = repo.run("--solution", "katas/basics/test_adding.py")
    assert shown.ret == pytest.ExitCode.OK


def test_xdist_reports_exactly_what_a_serial_run_reports(repo: KataRepo, report_of: Report) -> None:
    repo.write(
        "katas/basics/test_adding.py",
        repo.read("katas/basics/test_adding.py").replace("== __", "== 3"),
    )
    serial = report_of(repo.run("katas/"))
    repo.progress_file().unlink()
    parallel = report_of(repo.pytester.runpytest_subprocess("katas/", "-n", "2"))
    assert parallel == serial


def test_quiet_runs_still_show_the_totals_and_the_kata_in_focus(
    repo: KataRepo, report_of: Report
) -> None:
    report = report_of(repo.run("katas/", "-q"))
    assert "All katas" in report
    assert "Basics" not in report.split("next up")[0]
    assert "next up: katas/basics/test_adding.py" in report


def test_a_kata_with_a_syntax_error_fails_with_its_line_and_the_rest_still_runs(
    repo: KataRepo, report_of: Report
) -> None:
    repo.write(
        "katas/basics/test_adding.py",
        repo.read("katas/basics/test_adding.py").replace("assert 1 + 1 == __", "assert 1 + 1 = __"),
    )
    result = repo.run("katas/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    report = report_of(result)
    assert "katas/basics/test_adding.py cannot be imported: SyntaxError on line 7" in report
    assert "-> 7 |     assert 1 + 1 = __" in report
    assert "0/3 katas" in report
    assert "Not started yet: 2 katas" in report
    assert "error" not in result.outlines[-1]
    result.assert_outcomes(failed=3)  # the kata that cannot be imported, and the other two


def test_an_import_error_in_a_kata_names_the_line(
    repo: KataRepo, report_of: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.record_as_shipped(monkeypatch)
    repo.write(
        "katas/more/test_strings.py",
        repo.read("katas/more/test_strings.py").replace(
            "from pytest_katas import __", "from pytest_katas import __\nundefined_name"
        ),
    )
    report = report_of(repo.run("katas/"))
    assert (
        "katas/more/test_strings.py  0/1 steps: cannot be imported: NameError: "
        "name 'undefined_name' is not defined (line 4)" in report
    )


def test_an_endless_loop_is_stopped_with_its_likely_cause(
    repo: KataRepo, report_of: Report
) -> None:
    repo.write(
        "katas/basics/test_counting.py",
        repo.read("katas/basics/test_counting.py").replace(
            "    __\n", "    while True:\n        yield n\n"
        ),
    )
    repo.solve("basics/test_adding.py")
    result = repo.run("katas/", "--kata-time-limit=0.3")
    report = report_of(result)
    assert "katas/basics/test_counting.py: the step did not finish within 0.3 s" in report
    assert "The likely cause is an endless loop" in report
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_the_time_limit_comes_from_the_ini_file_too(repo: KataRepo, report_of: Report) -> None:
    repo.write(
        "katas/basics/test_counting.py",
        repo.read("katas/basics/test_counting.py").replace(
            "    __\n", "    while True:\n        pass\n"
        ),
    )
    repo.write("pytest.ini", "[pytest]\naddopts = --import-mode=importlib\nkata_time_limit = 0.2\n")
    repo.solve("basics/test_adding.py")
    report = report_of(repo.run("katas/"))
    assert "did not finish within 0.2 s" in report


@pytest.mark.parametrize("value", ["soon", "-1"])
def test_a_bad_time_limit_is_a_usage_error(repo: KataRepo, value: str) -> None:
    result = repo.run("katas/", f"--kata-time-limit={value}")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"ERROR: kata_time_limit must be *{value}*"])


def test_a_corrupt_state_file_is_set_aside_and_progress_starts_afresh(
    repo: KataRepo, report_of: Report
) -> None:
    repo.solve("more/test_strings.py")
    repo.run("katas/")
    repo.progress_file().write_text("{ not json")
    result = repo.run("katas/")
    report = report_of(result)
    warning = next(line for line in report.splitlines() if line.startswith("! "))
    assert "progress.json is not valid JSON" in warning
    assert "it was kept as katas-progress.broken-" in warning
    assert list(repo.progress_file().parent.glob("katas-progress.broken-*.json"))
    assert "1/3 katas" in report  # rebuilt from this run
    assert json.loads(repo.progress_file().read_text())["katas"]["strings"]["first_passed"]


def test_a_hand_edited_entry_is_dropped_and_the_others_are_kept(
    repo: KataRepo, report_of: Report
) -> None:
    repo.solve("more/test_strings.py")
    repo.run("katas/")
    state = json.loads(repo.progress_file().read_text())
    state["katas"]["adding"] = {"steps": {"test_one_plus_one": "yes"}}
    repo.progress_file().write_text(json.dumps(state))
    report = report_of(repo.run("katas/basics/test_counting.py"))
    assert "the entries for adding did not make sense and were reset" in report
    assert "1/3 katas" in report


def test_a_state_file_of_another_schema_is_set_aside(repo: KataRepo, report_of: Report) -> None:
    repo.run("katas/")
    repo.progress_file().write_text(json.dumps({"schema": 99, "katas": {}}))
    report = report_of(repo.run("katas/"))
    assert "is not a schema-1 progress file" in report


def test_solutions_cannot_run_in_the_same_run_as_katas(repo: KataRepo) -> None:
    result = repo.run("katas/", "solutions/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: katas/ and solutions/ cannot run together*"])


def test_a_kata_cannot_import_a_locked_solution(repo: KataRepo, report_of: Report) -> None:
    repo.write(
        "katas/more/test_strings.py",
        repo.read("katas/more/test_strings.py")
        + (
            "\n\ndef test_peek():\n    import solutions.basics.test_adding\n"
            "    assert solutions.basics.test_adding is __\n"
        ),
    )
    repo.pytester.syspathinsert(repo.root)
    report = report_of(repo.run("katas/more/"))
    assert (
        "solutions.basics.test_adding is the solution to katas/basics/test_adding.py and stays "
        "hidden until that kata passes: solve Adding numbers to unlock it" in report
    )


def test_an_unlocked_solution_can_be_imported(repo: KataRepo) -> None:
    repo.write(
        "katas/more/test_strings.py",
        repo.read("katas/more/test_strings.py")
        + (
            "\n\ndef test_peek():\n    import solutions.basics.test_adding as reference\n"
            "    assert reference.__name__ == 'solutions.basics.test_adding'\n"
        ),
    )
    repo.record_tree()  # a step of the kata as shipped
    repo.solve("basics/test_adding.py")
    repo.run("katas/basics/")
    repo.pytester.syspathinsert(repo.root)
    result = repo.run("katas/more/", "-v")
    result.stdout.fnmatch_lines(["*test_peek PASSED*"])


def test_manifest_problems_are_shown_but_the_katas_still_run(
    repo: KataRepo, report_of: Report
) -> None:
    repo.write(
        "katas/more/topic.toml",
        repo.read("katas/more/topic.toml").replace(
            'hints = ["Repetition.", "Twice ab."]', 'hints = ["Only one."]'
        ),
    )
    result = repo.run("katas/")
    report = report_of(result)
    assert '! katas/more/topic.toml: kata "strings" has 1 hint; give it 2 to 4' in report
    assert "0/1 katas" in report and "Not started yet: 2 katas" in report  # strings still ran


def test_a_run_without_pytests_cache_keeps_progress(repo: KataRepo, report_of: Report) -> None:
    repo.solve("more/test_strings.py")
    result = repo.run("katas/", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "1/3 katas" in report_of(result)
    assert json.loads(repo.progress_file().read_text())["katas"]["strings"]["first_passed"]


def test_a_project_without_katas_is_left_alone(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_plain():\n    assert False\n")
    result = pytester.runpytest()
    assert "pytest-katas" not in result.stdout.str()
    result.stdout.fnmatch_lines(["*= FAILURES =*"])


@pytest.mark.parametrize(
    "option", ["--co", "--collect-only", "--fixtures", "--markers", "--setup-only", "--setup-plan"]
)
def test_listing_options_print_nothing_of_the_learners_report(repo: KataRepo, option: str) -> None:
    """Nor does a run that sets fixtures up without running the steps: it would report every
    step of a solved kata as failed and move the kata in focus onto it."""
    result = repo.run("katas/", option)
    output = result.stdout.str()
    assert "pytest-katas" not in output
    assert "Stuck?" not in output
    assert not repo.progress_file().exists()
