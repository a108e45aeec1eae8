"""A pass means the learner knew: a kata changed outside its blanks does not count, an answer for
another Python version is checked too, `pytest.raises(__)` wants the class itself, and `--reveal`
and `--reset` do what they say and are remembered."""

from __future__ import annotations

import json
import sys

import pytest

from tests.kata_repo import STRINGS_KATA, KataRepo
from tests.report_schema import assert_valid_report

RAISES_KATA = '''\
"""Sending to a fresh generator is an error."""

import pytest

from pytest_katas import __


def gen():
    yield 1


def test_send_first():
    with pytest.raises(__):
        gen().send(10)
'''
RAISES_SOLUTION = RAISES_KATA.replace("pytest.raises(__)", "pytest.raises(TypeError)")

VERSION_KATA = '''\
"""Something changed in 3.11."""

import sys

from pytest_katas import __


def test_it():
    expected = __ if sys.version_info >= (3, 11) else __
    assert expected == (311 if sys.version_info >= (3, 11) else 310)
'''
VERSION_SOLUTION = VERSION_KATA.replace("expected = __ if", "expected = 311 if").replace(
    "else __\n", "else 310\n"
)
HELPER_KATA = '''\
"""A helper computes the value to compare with."""

from pytest_katas import __


def expected_total():
    return 6


def test_total():
    assert sum([1, 2, 3]) == expected_total() == __
'''


@pytest.fixture
def shipped(repo: KataRepo, monkeypatch: pytest.MonkeyPatch) -> KataRepo:
    """The small repository, with three more katas, recorded as shipped."""
    repo.write("katas/more/test_raises.py", RAISES_KATA)
    repo.write("solutions/more/test_raises.py", RAISES_SOLUTION)
    repo.write("katas/more/test_version.py", VERSION_KATA)
    repo.write("solutions/more/test_version.py", VERSION_SOLUTION)
    repo.write("katas/more/test_helper.py", HELPER_KATA)
    repo.write("solutions/more/test_helper.py", HELPER_KATA.replace("== __", "== 6"))
    manifest = repo.read("katas/more/topic.toml")
    for name in ("raises", "version", "helper"):
        manifest += (
            f'\n[[katas]]\nid = "{name}"\nfile = "test_{name}.py"\ntitle = "{name}"\n'
            'hints = ["One.", "Two."]\n\n[katas.zh]\ntitle = "一"\nlesson = "一。"\n'
            'hints = ["一。", "二。"]\n'
        )
    repo.write("katas/more/topic.toml", manifest)
    repo.record_as_shipped(monkeypatch)
    return repo


def passed(repo: KataRepo) -> set[str]:
    state = json.loads(repo.progress_file().read_text("utf-8"))
    return {kata for kata, record in state["katas"].items() if record["first_passed"]}


def changed(repo: KataRepo) -> set[str]:
    state = json.loads(repo.progress_file().read_text("utf-8"))
    return {kata for kata, record in state["katas"].items() if record["changed"]}


def test_honest_answers_still_pass(shipped: KataRepo) -> None:
    shipped.solve("basics/test_adding.py")
    shipped.write("katas/more/test_raises.py", RAISES_SOLUTION)
    shipped.write("katas/more/test_version.py", VERSION_SOLUTION)
    shipped.write("katas/more/test_helper.py", HELPER_KATA.replace("== __", "== 6"))
    shipped.run("katas/")
    assert {"adding", "raises", "version", "helper"} <= passed(shipped)
    assert changed(shipped) == set()


@pytest.mark.parametrize(
    ("kata", "old", "new"),
    [
        ("basics/test_adding.py", "assert 1 + 1 == __", "assert True"),
        ("basics/test_adding.py", "answer = __\n    assert 2 + 2 == answer", "return"),
        (
            "basics/test_adding.py",
            "def test_one_plus_one():\n",
            "def test_one_plus_one():\n    return\n",
        ),
        ("more/test_helper.py", "return 6", "return 5 + 1"),
        ("more/test_raises.py", "gen().send(10)", "raise TypeError"),
    ],
    ids=[
        "emptied-assert",
        "deleted-step-body",
        "return-at-the-top",
        "changed-helper",
        "changed-code",
    ],
)
def test_a_kata_changed_outside_its_blanks_does_not_count(
    shipped: KataRepo, kata: str, old: str, new: str
) -> None:
    source = shipped.read(f"katas/{kata}")
    assert old in source
    tampered = source.replace(old, new)
    if kata.endswith("test_helper.py"):
        tampered = tampered.replace("== __", "== 6")
    if kata.endswith("test_raises.py"):
        tampered = tampered.replace("raises(__)", "raises(TypeError)")
    shipped.write(f"katas/{kata}", tampered)
    result = shipped.run(f"katas/{kata}")
    output = result.stdout.str()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "was changed outside its blanks" in output
    # every step fails with the same paragraph: it is printed once
    assert output.count(f"pytest --reset katas/{kata}") == 1
    assert passed(shipped) == set()
    assert changed(shipped)


def test_a_deleted_step_does_not_count(shipped: KataRepo) -> None:
    source = shipped.read("katas/basics/test_adding.py")
    kept = source[: source.index("def test_two_plus_two")].replace("== __", "== 2")
    shipped.write("katas/basics/test_adding.py", kept)
    result = shipped.run("katas/basics/test_adding.py")
    assert "was changed outside its blanks" in result.stdout.str()
    assert "adding" not in passed(shipped)


def test_a_plugin_monkeypatched_by_the_kata_does_not_help(shipped: KataRepo) -> None:
    source = shipped.read("katas/basics/test_adding.py").replace("== __", "== 2")
    source = source.replace("= __", "= 4").replace(
        "from pytest_katas import __\n",
        "from pytest_katas import __\nimport pytest_katas.shipped as s\n"
        "s.LearnerCopy.tampering = None\n\n\ndef test_extra():\n    pass\n",
    )
    shipped.write("katas/basics/test_adding.py", source)
    shipped.write("katas/basics/test_counting.py", shipped.read("katas/basics/test_counting.py"))
    # in a process of its own: the patch must not reach the other tests
    shipped.pytester.runpytest_subprocess("katas/basics/")
    assert "adding" not in passed(shipped)


@pytest.mark.parametrize("other", ["'banana'", "__", "int('310')", "309"])
def test_the_answer_for_another_python_is_checked_too(shipped: KataRepo, other: str) -> None:
    running, not_running = ("311", other) if sys.version_info >= (3, 11) else (other, "310")
    if sys.version_info < (3, 11):
        running, not_running = "310", other
        source = VERSION_KATA.replace("expected = __ if", f"expected = {other} if").replace(
            "else __\n", f"else {running}\n"
        )
    else:
        source = VERSION_KATA.replace("expected = __ if", f"expected = {running} if").replace(
            "else __\n", f"else {not_running}\n"
        )
    shipped.write("katas/more/test_version.py", source)
    result = shipped.run("katas/more/test_version.py")
    output = result.stdout.str()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "version" not in passed(shipped)
    if other == "int('310')":
        assert "as a literal" in output
    elif other != "__":
        assert "is not right" in output
        assert "310" not in output.split("is not right")[1].splitlines()[0]


@pytest.mark.parametrize("answer", ["Exception", "BaseException"])
def test_a_broader_exception_class_does_not_count(shipped: KataRepo, answer: str) -> None:
    shipped.write(
        "katas/more/test_raises.py", RAISES_KATA.replace("raises(__)", f"raises({answer})")
    )
    result = shipped.run("katas/more/test_raises.py")
    output = result.stdout.str()
    assert "is not the one the code raises" in output
    assert "TypeError" not in output
    assert "raises" not in passed(shipped)


@pytest.mark.parametrize(
    "answer", ['"ab" * 2', '("ab"  *  2)', '2 * "ab"'], ids=["same", "spaced", "reordered"]
)
def test_an_answer_that_restates_the_other_side_does_not_count(
    shipped: KataRepo, answer: str
) -> None:
    shipped.write("katas/more/test_strings.py", STRINGS_KATA.replace("== __", f"== {answer}"))
    result = shipped.run("katas/more/test_strings.py")
    output = result.stdout.str()
    restates = "restates the other side of its comparison" in output
    # the same expression, however spaced, holds whatever the value: it is not a prediction;
    # a different expression of the same value is an honest (if lazy) computation, left to pass
    assert restates is (answer != '2 * "ab"')
    assert ("strings" in passed(shipped)) is (answer == '2 * "ab"')
    assert "abab" not in output


def test_reveal_shows_the_answers_and_is_remembered(shipped: KataRepo) -> None:
    result = shipped.run("--reveal", "katas/basics/test_adding.py")
    output = result.stdout.str()
    assert result.ret == pytest.ExitCode.OK
    assert "line 7: 2" in output
    assert "line 11: 4" in output
    state = json.loads(shipped.progress_file().read_text("utf-8"))
    assert state["katas"]["adding"]["revealed"] is True
    shipped.solve("basics/test_adding.py")
    report = shipped.run("katas/basics/test_adding.py").stdout.str()
    assert "Solved for the first time: Adding numbers" in report
    assert "(you had asked for its answers)" in report


def test_reset_restores_the_kata_keeps_a_backup_and_keeps_unlocks(shipped: KataRepo) -> None:
    shipped.solve("more/test_strings.py")
    shipped.run("katas/")
    assert "strings" in passed(shipped)
    tampered = shipped.read("katas/more/test_strings.py").replace('== "abab"', "!= 0")
    shipped.write("katas/more/test_strings.py", tampered)
    result = shipped.run("--reset", "katas/more/")
    assert result.ret == pytest.ExitCode.OK
    assert "katas/more/test_strings.py is back as shipped" in result.stdout.str()
    assert (
        shipped.read("katas/more/test_strings.py")
        == (shipped.root / "katas/more/test_strings.py").read_text()
    )
    assert "== __" in shipped.read("katas/more/test_strings.py")
    backups = list((shipped.root / "katas" / "more").glob("test_strings.py.*.bak"))
    assert [backup.read_text("utf-8") for backup in backups] == [tampered]
    assert "strings" in passed(shipped)


def test_reset_puts_back_a_kata_the_learner_deleted(shipped: KataRepo) -> None:
    """A deleted kata is no longer in the catalog (its manifest names a missing file), yet
    `--reset PATH` knows it from the record of shipped katas."""
    as_shipped = shipped.read("katas/more/test_strings.py")
    (shipped.root / "katas/more/test_strings.py").unlink()
    told = shipped.run("katas/").stdout.str()
    assert (
        "! katas/more/test_strings.py is missing: pytest --reset katas/more/test_strings.py puts "
        "it back as shipped"
    ) in told
    result = shipped.run("--reset", "katas/more/test_strings.py")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["katas/more/test_strings.py is back as shipped (it was missing)"])
    assert shipped.read("katas/more/test_strings.py") == as_shipped
    # a file no record knows is still refused
    result = shipped.run("--reset", "katas/more/test_nothing.py")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert not (shipped.root / "katas/more/test_nothing.py").exists()


def test_reset_needs_a_path(shipped: KataRepo) -> None:
    result = shipped.run("--reset")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: pytest --reset needs the kata or topic folder*"])


def test_pytest_solutions_names_a_version_answer_that_is_not_a_literal(
    shipped: KataRepo,
) -> None:
    shipped.write(
        "solutions/more/test_version.py",
        VERSION_SOLUTION.replace("expected = 311 if", "expected = int('311') if"),
    )
    result = shipped.run("solutions/more/test_version.py")
    assert "depends on the Python version but is not a literal" in result.stdout.str()


def test_pytest_solutions_names_a_kata_not_as_recorded(shipped: KataRepo) -> None:
    shipped.write(
        "katas/more/test_strings.py", shipped.read("katas/more/test_strings.py") + "\n# x\n"
    )
    result = shipped.run("solutions/more/test_strings.py")
    assert "is not as recorded" in result.stdout.str()


@pytest.mark.parametrize(
    "flags", [[], ["-v"], ["-vv"], ["--full-report"], ["--tb=long"], ["-n", "2"]]
)
@pytest.mark.parametrize(
    ("answer", "help_text"),
    [('"abba"', "is not right"), ('["ab", "ab"]', "your answer is a list, the value is a str")],
)
def test_a_wrong_answer_never_shows_the_right_one(
    shipped: KataRepo, flags: list[str], answer: str, help_text: str
) -> None:
    source = shipped.read("katas/more/test_strings.py").replace("== __", f"== {answer}")
    shipped.write("katas/more/test_strings.py", source)
    result = shipped.run("katas/more/test_strings.py", "--kata-report=report.json", *flags)
    output = result.stdout.str() + result.stderr.str()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "The answer on line 7 of katas/more/test_strings.py is not right" in output
    assert help_text in output
    assert "abab" not in output
    assert "abab" not in (shipped.root / "report.json").read_text("utf-8")
    assert_valid_report(shipped.root / "report.json")


SKIPS_EVERY_STEP = """\
import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    item.runtest = lambda: None
"""


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["in-process", "xdist"])
def test_a_conftest_that_skips_the_steps_code_earns_nothing(
    repo: KataRepo, workers: list[str]
) -> None:
    """Every step of a kata as shipped fails because of a blank: a step that passes with a blank
    still in its code, or calling a function still to be written, was made to pass by something
    outside the kata. The kata stays unsolved and its solution locked."""
    repo.write("conftest.py", SKIPS_EVERY_STEP)
    # one blank filled: that step's pass is earned; the other still holds its blank
    repo.write(
        "katas/basics/test_adding.py",
        repo.read("katas/basics/test_adding.py").replace("1 + 1 == __", "1 + 1 == 2"),
    )
    result = repo.run("katas/basics/", "-p", "no:cacheprovider", *workers)
    output = result.stdout.str()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "test_two_plus_two still holds a blank (line 11), so it cannot pass by its own code" in (
        output
    )
    state = json.loads(repo.progress_file().read_text("utf-8"))
    steps = state["katas"]["adding"]["steps"]
    assert (steps["test_one_plus_one"], steps["test_two_plus_two"]) == (True, False)
    # test_counts_up holds no blank itself: it calls count_up_to, whose body is still the blank
    assert state["katas"]["counting"]["steps"]["test_counts_up"] is False
    assert passed(repo) == set()
    assert "Solved for the first time" not in output


@pytest.mark.parametrize(
    "answer",
    [
        '__import__("unittest.mock").mock.ANY',
        'type("Any", (), {"__eq__": lambda self, other: True})()',
        "(lambda: 2)()",
        'eval("1 + 1")',
        "(2).__class__(2)",
    ],
)
def test_an_answer_that_avoids_predicting_does_not_count(shipped: KataRepo, answer: str) -> None:
    source = shipped.read("katas/basics/test_adding.py")
    shipped.write(
        "katas/basics/test_adding.py",
        source.replace("1 + 1 == __", f"1 + 1 == {answer}").replace("answer = __", "answer = 4"),
    )
    result = shipped.run("katas/basics/test_adding.py")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert (
        "the answer on line 7 is not a value you predict but a way around predicting one"
    ) in result.stdout.str()
    assert passed(shipped) == set()


SAVES_WHILE_RUNNING = """
import pathlib

import pytest


@pytest.fixture(autouse=True)
def save_while_running(request):
    # what an editor does when the learner saves during a run
    path = pathlib.Path(request.node.path)
    if path.name == "test_adding.py":
        path.write_text(path.read_text() + "# saved\\n")
"""


def test_a_kata_saved_while_it_runs_does_not_count_and_gives_nothing_away(
    shipped: KataRepo,
) -> None:
    """The copy judged at the start is not the code that ran: its passes do not count, and its
    failures show no traceback (which could print the right value beside a wrong answer)."""
    shipped.solve("basics/test_adding.py")
    shipped.write("conftest.py", SAVES_WHILE_RUNNING)
    result = shipped.run("katas/basics/test_adding.py", "--full-report")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = " ".join(result.stdout.str().split())
    assert "katas/basics/test_adding.py was saved while this run was using it" in output
    assert "adding" not in passed(shipped)
    # a wrong answer saved over mid-run: neither value is printed
    wrong = shipped.read("solutions/basics/test_adding.py").replace("== 2", "== 3")
    shipped.write("katas/basics/test_adding.py", wrong)
    again = shipped.run("katas/basics/test_adding.py", "--full-report").stdout.str()
    assert "was saved while this run was using it" in " ".join(again.split())
    assert "assert 2 == 3" not in again and "AssertionError" not in again
    # saved no more: the same solution passes
    (shipped.root / "conftest.py").unlink()
    shipped.solve("basics/test_adding.py")
    assert shipped.run("katas/basics/test_adding.py").ret == pytest.ExitCode.OK
    assert "adding" in passed(shipped)
