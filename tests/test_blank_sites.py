"""Where a kata's blanks stand, and which one a failing step is told to fill in: the instruction a
learner reads first ("fill in the blank on line N", "write the body of f() on line N")."""

from __future__ import annotations

import ast
import os
import textwrap
from pathlib import Path
from types import TracebackType

import pytest

from pytest_katas.blanks import (
    BlankError,
    BlankFailure,
    BuildBlank,
    blank_failure,
    blank_sites,
    find_blank_sites,
    is_build_blank,
)

KATA = textwrap.dedent(
    '''\
    """The lesson."""

    from pytest_katas import __


    def count_to(n):
        """Yield 1 .. n."""
        __


    def test_first():
        x = 1
        assert x == 1
        assert [x,
                2] == [1, __]


    def test_second():
        assert __ == 2


    def test_third():
        assert count_to(2) == [1, 2]
    '''
)


def failure_of(path: Path, step: str) -> tuple[BaseException, TracebackType | None]:
    """Run one step of the kata at `path` (with the real blank) and catch how it fails."""
    namespace: dict[str, object] = {"__name__": "kata"}
    exec(compile(path.read_text("utf-8"), str(path), "exec"), namespace)
    function = namespace[step]
    assert callable(function)
    try:
        function()
    except BaseException as error:  # the step's failure, whatever it is
        return error, error.__traceback__
    raise AssertionError(f"{step} passed")


@pytest.fixture
def kata(tmp_path: Path) -> Path:
    path = tmp_path / "test_kata.py"
    path.write_text(KATA, "utf-8")
    return path


def test_the_sites_of_a_kata(kata: Path) -> None:
    sites = find_blank_sites(KATA)
    assert sites.lines == (15, 19)
    assert sites.build_blanks == (BuildBlank("count_to", 6),)
    assert sites.statement_of(14) == (14, 15)
    assert sites.statement_of(15) == (14, 15)
    assert sites.statement_of(100) == (100, 100)
    assert sites.blanks_between(14, 19) == [15, 19]
    assert sites.blanks_between(16, 18) == []
    assert sites.function_named("test_second") == (18, 19)
    assert sites.function_named("missing") is None
    assert sites.function_around(13) == (11, 15)
    assert sites.function_around(3) is None
    assert blank_sites(kata) == sites


def test_a_function_inside_a_function_is_the_one_around_its_lines() -> None:
    source = "def outer():\n    x = 1\n\n    def inner():\n        return __\n\n    return inner\n"
    sites = find_blank_sites(source)
    assert sites.function_around(5) == (4, 5)
    assert sites.function_around(2) == (1, 7)


def test_build_blanks_are_in_line_order() -> None:
    source = "def b():\n    __\n\n\ndef a():\n    '''Doc.'''\n    __\n\n\nasync def c():\n    __\n"
    assert find_blank_sites(source).build_blanks == (
        BuildBlank("b", 1),
        BuildBlank("a", 5),
        BuildBlank("c", 10),
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f():\n    __\n", True),
        ("def f():\n    '''Doc.'''\n    __\n", True),
        ("def f():\n    '''Doc.'''\n", False),
        ("def f():\n    __\n    return 1\n", False),
        ("def f():\n    ___\n", False),
        ("def f():\n    __()\n", False),
        ("def f():\n    return __\n", False),
        ("def f():\n    x.__\n", False),
    ],
)
def test_a_build_blank_is_a_body_of_only_the_blank(source: str, expected: bool) -> None:
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    assert is_build_blank(function) is expected


def test_an_import_of_the_blank_and_a_blank_statement_hold_no_predict_blank() -> None:
    source = "from pytest_katas import __\nimport __\n__\nx = (\n  __)\n"
    sites = find_blank_sites(source)
    assert sites.lines == (5,)
    assert sites.statement_of(4) == (4, 5)


def test_a_source_that_does_not_tokenize_keeps_the_blanks_found_before() -> None:
    sites = find_blank_sites("x = __\ny = (__\n")
    assert sites.lines == (1,)
    assert sites.build_blanks == ()
    assert sites.functions == ()


def test_a_failure_on_a_statement_with_a_blank_names_that_blank(kata: Path) -> None:
    error, traceback = failure_of(kata, "test_first")
    assert isinstance(error, BlankError)
    assert blank_failure(error, traceback, kata, "test_first") == BlankFailure(15, None)


def test_a_blank_compared_names_its_own_line(kata: Path) -> None:
    error, traceback = failure_of(kata, "test_second")
    assert blank_failure(error, traceback, kata, "test_second") == BlankFailure(19, None)


def test_a_failure_of_an_unwritten_function_names_the_function(kata: Path) -> None:
    error, traceback = failure_of(kata, "test_third")
    assert isinstance(error, AssertionError)
    failure = blank_failure(error, traceback, kata, "test_third")
    assert failure == BlankFailure(6, "count_to")
    assert failure.instruction() == "write the body of count_to() on line 6"


def test_a_blank_error_raised_elsewhere_names_the_first_blank_of_the_step(kata: Path) -> None:
    error = BlankError("waiting")
    assert blank_failure(error, None, kata, "test_second") == BlankFailure(19, None)
    assert blank_failure(error, None, kata, "test_first") == BlankFailure(15, None)


def test_a_blank_error_of_an_unknown_step_names_the_first_blank_of_the_kata(kata: Path) -> None:
    error = BlankError("waiting")
    assert blank_failure(error, None, kata, "test_missing") == BlankFailure(15, None)
    assert blank_failure(error, None, kata, "count_to") == BlankFailure(15, None)


def test_a_blank_used_as_an_object_names_its_own_line(tmp_path: Path) -> None:
    kata = tmp_path / "test_kata.py"
    kata.write_text(KATA.replace("x = 1\n", "x = 1\n    __.y\n", 1), "utf-8")
    error, traceback = failure_of(kata, "test_first")
    assert blank_failure(error, traceback, kata, "test_first") == BlankFailure(13, None)


def test_a_failure_with_no_blank_on_its_line_and_no_build_is_not_a_blank(tmp_path: Path) -> None:
    kata = tmp_path / "test_kata.py"
    kata.write_text("def test_it():\n    assert 1 == 2\n\n\ndef test_other():\n    pass\n", "utf-8")
    error, traceback = failure_of(kata, "test_it")
    assert blank_failure(error, traceback, kata, "test_it") is None


def test_only_the_kata_files_frames_count(tmp_path: Path, kata: Path) -> None:
    other = tmp_path / "test_other.py"
    other.write_text(KATA, "utf-8")
    error, traceback = failure_of(other, "test_first")
    assert isinstance(error, BlankError)
    # the frames are the other file's: the step's blanks are named by the step's name
    assert blank_failure(error, traceback, kata, "test_second") == BlankFailure(19, None)


def test_a_kata_that_cannot_be_read_is_not_a_blank_failure(tmp_path: Path) -> None:
    assert blank_failure(BlankError("x"), None, tmp_path / "gone.py", "test_it") is None


def test_the_sites_are_read_again_when_the_file_changes(kata: Path) -> None:
    assert blank_sites(kata).lines == (15, 19)
    kata.write_text("x = __\n", "utf-8")
    stat = kata.stat()
    os.utime(kata, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert blank_sites(kata).lines == (1,)


def test_the_instructions() -> None:
    assert BlankFailure(3, None).instruction() == "fill in the blank on line 3"
    assert BlankFailure(7, "f").instruction() == "write the body of f() on line 7"


# a kata where the failing blank is not the step's first, nor the first of the function it fails
# in: the fallbacks (the step's first blank, the kata's) name another line
HELPERS = textwrap.dedent(
    '''\
    """Blanks in helpers."""

    from pytest_katas import __

    pending = __


    def total(): return pending + 1


    def inner():
        value = __
        return value + 1


    def middle():
        spare = __
        return inner()


    def test_later_blank():
        kept = __
        assert 1 + 1 == __


    def test_one_line_function():
        kept = __
        assert total() == 2


    def test_through_helpers():
        kept = __
        assert middle() == 3


    def test_long_statement():
        kept = __
        assert [1,
                2] == [1, __]
    '''
)


@pytest.fixture
def helpers(tmp_path: Path) -> Path:
    path = tmp_path / "test_helpers.py"
    path.write_text(HELPERS, "utf-8")
    return path


def test_the_failing_blank_is_named_not_the_steps_first(helpers: Path) -> None:
    error, traceback = failure_of(helpers, "test_later_blank")
    # the step's first blank (`kept = __`) is only stored, never used
    assert blank_failure(error, traceback, helpers, "test_later_blank") == BlankFailure(23, None)


def test_a_blank_error_in_a_helper_names_the_first_blank_of_the_innermost_helper(
    helpers: Path,
) -> None:
    error, traceback = failure_of(helpers, "test_through_helpers")
    # the frames are the step's, middle()'s and inner()'s: inner() is the one that failed
    assert blank_failure(error, traceback, helpers, "test_through_helpers") == BlankFailure(
        12, None
    )


def test_a_blank_error_on_a_functions_first_line_is_in_that_function(helpers: Path) -> None:
    error, traceback = failure_of(helpers, "test_one_line_function")
    # total() holds no blank of its own: the kata's first blank (`pending`, which it reads)
    assert blank_failure(error, traceback, helpers, "test_one_line_function") == BlankFailure(
        5, None
    )


def test_a_statement_failing_on_its_first_line_names_its_blank_on_a_later_line(
    helpers: Path,
) -> None:
    error, traceback = failure_of(helpers, "test_long_statement")
    # the traceback names line 38, where the statement starts (every Python from 3.10)
    assert blank_failure(error, traceback, helpers, "test_long_statement") == BlankFailure(39, None)


def test_a_statement_covers_its_own_lines_and_none_after_it() -> None:
    sites = find_blank_sites("x = 1\n\n# a comment\ny = [\n    __,\n]\n\n\nz = 2\n")
    assert [sites.statement_of(line) for line in range(1, 10)] == [
        (1, 1),
        (2, 2),
        (3, 3),
        (4, 6),
        (4, 6),
        (4, 6),
        (7, 7),
        (8, 8),
        (9, 9),
    ]
