"""What `pytest solutions/` checks for a maintainer, and how it names what is wrong."""

from __future__ import annotations

import pytest

from pytest_katas.catalog import FORMAT_DOC
from tests.kata_repo import KataRepo


def test_a_sound_repository_passes_every_check(repo: KataRepo) -> None:
    result = repo.run("solutions/", "-v")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines_random(
        [
            "solutions::catalog PASSED*",
            "solutions::every-kata-has-a-solution PASSED*",
            "solutions/basics/test_adding.py::test_one_plus_one PASSED*",
            "solutions/basics/test_adding.py::kata-checks PASSED*",
            "solutions/basics/test_adding.py::same-as-kata PASSED*",
            "solutions/basics/test_adding.py::kata-fails-as-shipped::test_one_plus_one PASSED*",
            "solutions/basics/test_counting.py::kata-fails-as-shipped::test_counts_up PASSED*",
        ]
    )
    assert "pytest-katas: your progress" not in result.stdout.str()


def test_a_bare_pytest_runs_the_solutions_and_never_the_katas(repo: KataRepo) -> None:
    result = repo.run("-v")
    assert result.ret == pytest.ExitCode.OK
    assert "katas/basics/test_adding.py::" not in result.stdout.str().replace("solutions/", "")
    result.stdout.fnmatch_lines(["*solutions/more/test_strings.py::test_repeat PASSED*"])


def test_a_failing_solution_fails(repo: KataRepo) -> None:
    repo.write(
        "solutions/more/test_strings.py",
        repo.read("solutions/more/test_strings.py").replace('"abab"', '"ab"'),
    )
    result = repo.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["FAILED solutions/more/test_strings.py::test_repeat - *"])


def test_drift_between_kata_and_solution_is_named(repo: KataRepo) -> None:
    repo.write(
        "solutions/basics/test_adding.py",
        repo.read("solutions/basics/test_adding.py").replace(
            "assert 2 + 2 == answer", "assert 2 + 2 == answer, 'changed'"
        ),
    )
    result = repo.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "solutions/basics/test_adding.py is not katas/basics/test_adding.py with its blanks "
            "filled: line 12 of the kata is `assert 2 + 2 == answer`, but line 12 of the solution "
            "is `assert 2 + 2 == answer, 'changed'`"
        ]
    )


def test_a_changed_lesson_is_drift(repo: KataRepo) -> None:
    repo.write(
        "solutions/more/test_strings.py",
        repo.read("solutions/more/test_strings.py").replace("Strings multiply.", "Strings repeat."),
    )
    result = repo.run("solutions/")
    result.stdout.fnmatch_lines(['*line 1 of the kata is `"""Strings multiply."""`*'])


def test_a_blank_left_in_a_solution_is_drift(repo: KataRepo) -> None:
    repo.write("solutions/more/test_strings.py", repo.read("katas/more/test_strings.py"))
    result = repo.run("solutions/more/")
    result.stdout.fnmatch_lines(["*the solution still has a blank __ on line 7*"])


def test_a_kata_step_that_passes_as_shipped_is_named(repo: KataRepo) -> None:
    for folder in ("katas", "solutions"):
        path = f"{folder}/more/test_strings.py"
        repo.write(path, repo.read(path) + "\n\ndef test_nothing_to_do():\n    assert True\n")
    result = repo.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "katas/more/test_strings.py::test_nothing_to_do passes as shipped, so a learner has "
            "nothing to do: give it a blank __ to fill in or a function to write"
        ]
    )


def test_a_kata_step_that_fails_without_a_blank_is_named(repo: KataRepo) -> None:
    for folder in ("katas", "solutions"):
        path = f"{folder}/more/test_strings.py"
        repo.write(path, repo.read(path) + "\n\ndef test_broken():\n    assert 1 == 2\n")
    result = repo.run("solutions/more/")
    result.stdout.fnmatch_lines(
        [
            "katas/more/test_strings.py::test_broken fails as shipped, but not because of a blank "
            "(AssertionError: assert 1 == 2): filling in its blanks could not make it pass"
        ]
    )


def test_a_kata_that_cannot_be_imported_fails_its_check(repo: KataRepo) -> None:
    repo.write("katas/more/test_strings.py", "def test_x(:\n")
    result = repo.run("solutions/more/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        ["*katas/more/test_strings.py cannot be imported: SyntaxError on line 1*"]
    )


def test_every_kata_needs_a_solution_and_every_solution_a_kata(repo: KataRepo) -> None:
    (repo.root / "solutions/more/test_strings.py").unlink()
    repo.write("solutions/more/test_orphan.py", "def test_x():\n    pass\n")
    result = repo.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "katas/more/test_strings.py has no solution: add solutions/more/test_strings.py",
            "solutions/more/test_orphan.py has no kata: add katas/more/test_orphan.py or delete "
            "the solution",
        ]
    )
    result.stdout.fnmatch_lines(
        ["solutions/more/test_orphan.py has no kata: katas/more/test_orphan.py is missing"]
    )


def test_a_duplicate_id_fails_the_catalog_check(repo: KataRepo) -> None:
    repo.write(
        "katas/more/topic.toml",
        repo.read("katas/more/topic.toml").replace('id = "strings"', 'id = "adding"'),
    )
    result = repo.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            'katas/more/topic.toml: kata "adding" reuses the id of katas/basics/test_adding.py; '
            "every kata needs its own id",
            "katas/more/test_strings.py is not listed in its topic.toml, so it has no id, title "
            "or hints",
        ]
    )


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('id = "Bad Id"', "kata #1 needs an id of lowercase letters, digits and dashes*"),
        ('id = "strings"\nfile = "strings.py"', 'kata "strings" needs file = "test_….py"*'),
        (
            'id = "strings"\nfile = "test_gone.py"',
            'kata "strings" names test_gone.py, which does not*',
        ),
    ],
)
def test_malformed_entries_are_named(repo: KataRepo, entry: str, problem: str) -> None:
    repo.write(
        "katas/more/topic.toml",
        f'title = "More"\n\n[[katas]]\n{entry}\ntitle = "T"\nhints = ["a", "b"]\n',
    )
    result = repo.run("solutions/")
    result.stdout.fnmatch_lines([f"katas/more/topic.toml: {problem}"])


def test_a_kata_without_an_id_field_is_named(repo: KataRepo) -> None:
    repo.write("katas/more/topic.toml", 'title = "More"\n\n[[katas]]\nfile = "test_strings.py"\n')
    result = repo.run("solutions/")
    result.stdout.fnmatch_lines(["katas/more/topic.toml: kata #1 needs an id *not None"])


def test_missing_hints_and_lesson_fail_the_kata_checks(repo: KataRepo) -> None:
    repo.write(
        "katas/more/topic.toml",
        repo.read("katas/more/topic.toml").replace(
            'hints = ["Repetition.", "Twice ab."]', 'hints = ["a", "b", "c", "d", "e"]'
        ),
    )
    for folder in ("katas", "solutions"):
        path = f"{folder}/more/test_strings.py"
        repo.write(path, repo.read(path).replace('"""Strings multiply."""\n', ""))
    result = repo.run("solutions/more/", "-v")
    result.stdout.fnmatch_lines(
        [
            "*kata-checks FAILED*",
            'katas/more/topic.toml: kata "strings" has 5 hints; give it 2 to 4',
            "katas/more/test_strings.py has no lesson: give it a module docstring that states it",
        ]
    )


def test_curriculum_problems_fail_the_catalog_check(repo: KataRepo) -> None:
    repo.write("katas/curriculum.toml", 'topics = ["basics", "missing"]\n')
    result = repo.run("solutions/")
    result.stdout.fnmatch_lines(
        [
            "katas/missing/topic.toml: missing; every topic folder needs one*",
            "katas/more/topic.toml: topic not listed in curriculum.toml; add *more* to topics*",
        ]
    )


def test_a_missing_curriculum_is_named(repo: KataRepo) -> None:
    (repo.root / "katas/curriculum.toml").unlink()
    result = repo.run("solutions/")
    result.stdout.fnmatch_lines(["katas/curriculum.toml: missing; create it *"])


def test_a_curriculum_without_topics_is_named(repo: KataRepo) -> None:
    repo.write("katas/curriculum.toml", 'topic = "basics"\n')
    result = repo.run("solutions/")
    result.stdout.fnmatch_lines(["katas/curriculum.toml: needs topics = *, a list of folder names"])


def test_an_endless_loop_in_a_solution_is_stopped(repo: KataRepo) -> None:
    repo.write(
        "solutions/basics/test_counting.py",
        repo.read("solutions/basics/test_counting.py").replace(
            "yield from range(1, n + 1)", "while True:\n        yield n"
        ),
    )
    result = repo.run("solutions/basics/", "--kata-time-limit=0.2")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*StepTimeLimit: the step did not finish within 0.2 s*"])


def test_the_solutions_run_the_same_with_xdist(repo: KataRepo) -> None:
    result = repo.pytester.runpytest_subprocess("solutions/", "-n", "2")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["*16 passed*"])


def test_a_single_solution_file_runs_only_its_own_checks(repo: KataRepo) -> None:
    result = repo.run("solutions/more/test_strings.py", "-v")
    assert "solutions::catalog" not in result.stdout.str()
    result.stdout.fnmatch_lines(["*4 passed*"])


def test_a_chinese_text_off_the_glossary_is_named(repo: KataRepo) -> None:
    repo.write("docs/glossary.md", "| English | 中文 | not |\n|---|---|---|\n| two | 二 | 两 |\n")
    manifest = repo.read("katas/more/topic.toml").replace("两次 ab。", "两个 ab。")
    repo.write("katas/more/topic.toml", manifest)
    result = repo.run("solutions/")
    result.stdout.fnmatch_lines(
        ['katas/more/topic.toml: kata "strings" says 两 → 二 (two) (docs/glossary.md)']
    )


def add_step(repo: KataRepo, kata_step: str, solution_step: str) -> None:
    """Add a step to the kata of topic more and its solution, and record the kata as shipped (as
    its maintainer does), so that the checks a test is about are the only ones to fail."""
    for folder, step in (("katas", kata_step), ("solutions", solution_step)):
        path = f"{folder}/more/test_strings.py"
        repo.write(path, f"{repo.read(path)}\n\n{step}")
    repo.record_tree()


def test_an_async_step_is_named(repo: KataRepo) -> None:
    add_step(
        repo,
        "async def test_later():\n    assert 1 == __\n",
        "async def test_later():\n    assert 1 == 1\n",
    )
    result = repo.run("solutions/more/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "katas/more/test_strings.py::test_later is an async def, which pytest does not run: "
            "make it a plain def that drives the loop itself with asyncio.run(...)"
        ]
    )


@pytest.mark.parametrize(("question", "answer"), [("1 == 1", "True"), ("1 == 2", "False")])
def test_an_answer_that_is_one_guess_of_two_is_named(
    repo: KataRepo, question: str, answer: str
) -> None:
    add_step(
        repo,
        f"def test_truth():\n    assert ({question}) is __\n",
        f"def test_truth():\n    assert ({question}) is {answer}\n",
    )
    result = repo.run("solutions/more/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert result.parseoutcomes()["failed"] == 1  # the kata's checks, not the solution's step
    result.stdout.fnmatch_lines(
        [
            f"katas/more/test_strings.py: the answer to the blank on line 11 is {answer}, one "
            "guess of two: ask for the value, the exception class or the order of events instead"
        ]
    )


def test_an_answer_with_a_private_name_is_named(repo: KataRepo) -> None:
    imports = "    import _collections_abc\n    import collections.abc\n"
    add_step(
        repo,
        f"def test_kind():\n{imports}    assert collections.abc.Sized is __\n",
        f"def test_kind():\n{imports}    assert collections.abc.Sized is _collections_abc.Sized\n",
    )
    result = repo.run("solutions/more/")
    assert result.parseoutcomes()["failed"] == 1  # the kata's checks, not the solution's step
    result.stdout.fnmatch_lines(
        [
            "katas/more/test_strings.py: the answer to the blank on line 13 uses the private name "
            "_collections_abc: ask for what public names show instead"
        ]
    )


def test_a_dunder_in_an_answer_is_no_private_name(repo: KataRepo) -> None:
    add_step(
        repo,
        "def test_name():\n    assert len.__name__ == __\n",
        "def test_name():\n    assert len.__name__ == len.__name__\n",
    )
    result = repo.run("solutions/more/")
    assert result.ret == pytest.ExitCode.OK, result.stdout.str()


def test_a_warnings_filter_that_cannot_be_read_fails_the_catalog_check(repo: KataRepo) -> None:
    repo.write(
        "katas/curriculum.toml",
        'topics = ["basics", "more"]\nfilterwarnings = ["ignore::NoSuchWarning"]\n',
    )
    result = repo.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "katas/curriculum.toml: filterwarnings has 'ignore::NoSuchWarning', which is not a "
            "warnings filter (action:message:category:module:line, as in pytest's "
            "filterwarnings); fix it or remove it",
            "The kata format these checks enforce: *kata-format.md",
        ]
    )


def test_a_missing_topic_manifest_names_where_the_kata_format_is(repo: KataRepo) -> None:
    (repo.root / "katas/more/topic.toml").unlink()
    result = repo.run("solutions/")
    result.stdout.fnmatch_lines(
        [f"katas/more/topic.toml: missing; every topic folder needs one (see {FORMAT_DOC})"]
    )
    assert FORMAT_DOC.is_file()
