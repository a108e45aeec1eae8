"""The rules of `find_drift`, one at a time: where a build blank may stand for statements, what a
solution may not add, drop or change around it, and what the message says. A rule broken here is
a kata that passes with more changed than its blanks, or a learner told the wrong line."""

from __future__ import annotations

import ast
import textwrap

import pytest

from pytest_katas.drift import _Comparison, find_drift


def body(*statements: str) -> str:
    """A module with one function whose body is `statements`."""
    lines = "".join(f"    {statement}\n" for statement in statements)
    return f"def build(x):\n{lines}"


def drift(kata: str, solution: str, *, blanks_left: bool = False) -> str | None:
    found = find_drift(kata, solution, blanks_left=blanks_left)
    return None if found is None else found.message


BUILD = body("a = 1", "__", "return a")


@pytest.mark.parametrize(
    "solution",
    [
        body("a = 1", "b = 2", "return a"),
        body("a = 1", "b = 2", "c = 3", "return a"),
        body("a = 1", "if x:", "    a = 2", "return a"),
    ],
)
def test_a_build_blank_may_be_any_statements(solution: str) -> None:
    assert drift(BUILD, solution) is None


def test_a_build_blank_needs_at_least_one_statement() -> None:
    assert drift(BUILD, body("a = 1", "return a")) == (
        "line 4 of the kata is `return a`, missing from the solution"
    )


def test_a_statement_before_a_build_blank_must_stay() -> None:
    kata = body("a = 1", "b = 2", "__")
    assert drift(kata, body("a = 1", "c = 2", "d = 3")) == (
        "line 3 of the kata is `b = 2`, but line 3 of the solution is `c = 2`"
    )


def test_every_statement_before_a_build_blank_is_compared() -> None:
    kata = body("a = 1", "b = 2", "c = 3", "__")
    assert drift(kata, body("a = 1", "b = 2", "d = 3", "e = 4")) == (
        "line 4 of the kata is `c = 3`, but line 4 of the solution is `d = 3`"
    )


def test_a_statement_dropped_before_a_build_blank_is_missing() -> None:
    kata = body("a = 1", "b = 2", "__")
    assert drift(kata, body("a = 1")) == "line 3 of the kata is `b = 2`, missing from the solution"


def test_a_build_blank_left_with_nothing_for_it_is_missing() -> None:
    kata = body("a = 1", "__")
    assert drift(kata, body("a = 1")) == "line 3 of the kata is `__`, missing from the solution"


def test_the_statements_after_a_build_blank_must_stay() -> None:
    kata = body("__", "a = 1", "b = 2")
    assert drift(kata, body("z = 0", "a = 1", "c = 3")) == (
        "line 4 of the kata is `b = 2`, but line 4 of the solution is `c = 3`"
    )


def test_a_statement_after_the_last_kata_statement_is_added() -> None:
    kata = body("__", "return a")
    assert drift(kata, body("a = 1", "return a", "print(a)")) == (
        "line 4 of the solution is `print(a)`, which the kata does not have"
    )


def test_the_statement_after_a_build_blank_is_matched_where_it_first_appears() -> None:
    kata = body("__", "a = 1", "return a")
    assert drift(kata, body("z = 0", "a = 1", "a = 1", "return a")) == (
        "line 4 of the kata is `return a`, but line 4 of the solution is `a = 1`"
    )
    assert drift(kata, body("z = 0", "y = 0", "a = 1", "return a")) is None


def test_a_build_blank_at_the_end_takes_every_statement_after_it() -> None:
    kata = body("a = 1", "__")
    assert drift(kata, body("a = 1", "b = 2", "return b")) is None


def test_two_build_blanks_each_take_their_own_statements() -> None:
    kata = body("__", "a = 1", "__", "return a")
    assert drift(kata, body("x = 0", "a = 1", "y = 2", "z = 3", "return a")) is None
    assert drift(kata, body("x = 0", "a = 1", "return a")) == (
        "line 5 of the kata is `return a`, missing from the solution"
    )


def test_a_predict_blank_takes_an_expression_but_nothing_else_may_change() -> None:
    kata = "assert f(1) == __\n"
    assert drift(kata, "assert f(1) == [1, 2]\n") is None
    assert drift(kata, "assert f(2) == [1, 2]\n") == (
        "line 1 of the kata is `assert f(1) == __`, but line 1 of the solution is "
        "`assert f(2) == [1, 2]`"
    )


def test_a_name_dropped_from_a_list_of_names_is_drift() -> None:
    kata = "def f():\n    global a, b\n"
    assert drift(kata, "def f():\n    global a\n") == (
        "line 2 of the kata is `global a, b`, but line 2 of the solution is `global a`"
    )
    assert drift("def f():\n    global a\n", kata) == (
        "line 2 of the kata is `global a`, but line 2 of the solution is `global a, b`"
    )


def test_a_with_item_or_comprehension_dropped_names_the_statements_around_it() -> None:
    # neither node has a line of its own: the statements holding them are named instead
    kata = "with open(a) as f, open(b) as g:\n    pass\n"
    assert drift(kata, "with open(a) as f:\n    pass\n") == (
        "line 1 of the kata is `with open(a) as f, open(b) as g:`, "
        "but line 1 of the solution is `with open(a) as f:`"
    )
    kata = "x = [a for a in b for c in a]\n"
    assert drift(kata, "x = [a for a in b]\n") == (
        "line 1 of the kata is `x = [a for a in b for c in a]`, "
        "but line 1 of the solution is `x = [a for a in b]`"
    )


def test_a_solution_with_a_build_blank_left_is_drift() -> None:
    kata = "x = 1\n\n\n" + body("__")
    assert drift(kata, kata) == "the solution still has a blank __ on line 4"


def test_a_predict_blank_left_is_named_before_a_build_blank() -> None:
    kata = textwrap.dedent(
        """\
        def build():
            __

        def test_it():
            assert build() == __
        """
    )
    assert drift(kata, kata) == "the solution still has a blank __ on line 5"


def test_a_learners_copy_may_keep_its_blanks_and_is_named_as_theirs() -> None:
    kata = body("a = __", "__")
    assert drift(kata, body("a = __", "__"), blanks_left=True) is None
    assert drift(kata, body("a = __", "__"), blanks_left=False) is not None
    assert drift(kata, body("b = __", "__"), blanks_left=True) == (
        "line 2 of the kata as shipped is `a = __`, but line 2 of your file is `b = __`"
    )
    assert drift(kata, "def build(x):\n    pass\n", blanks_left=True) == (
        "line 2 of the kata as shipped is `a = __`, but line 2 of your file is `pass`"
    )


def test_a_learners_extra_statement_is_named_as_theirs() -> None:
    kata = "x = 1\n"
    assert drift(kata, "x = 1\ny = 2\n", blanks_left=True) == (
        "line 2 of your file is `y = 2`, which the kata as shipped does not have"
    )
    assert drift("x = 1\ny = 2\n", kata, blanks_left=True) == (
        "line 2 of the kata as shipped is `y = 2`, missing from your file"
    )


@pytest.mark.parametrize(
    ("name", "shown"),
    [("x" * 56, "x" * 56 + " = 1"), ("x" * 57, "x" * 57 + "...")],
    ids=["60 characters", "61 characters"],
)
def test_a_long_line_is_cut_to_sixty_characters(name: str, shown: str) -> None:
    message = drift(f"{name} = 1\n", f"{name} = 2\n")
    assert message is not None
    assert message.startswith(f"line 1 of the kata is `{shown}`, but")


def test_a_side_with_nothing_there_says_so() -> None:
    assert _Comparison.describe(None, "", "kata") == "the kata has nothing there"
    assert _Comparison.describe("b", "", "yours") == "your file has nothing there"


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("with open(a) as f, open(b) as g:\n    pass\n", ast.withitem),
        ("y = [x for x in a for z in b]\n", ast.comprehension),
    ],
)
def test_a_part_of_a_statement_without_a_line_is_nothing_there(
    source: str, kind: type[ast.AST]
) -> None:
    # a `with` item or a comprehension, dropped or added, is described this way
    node = [node for node in ast.walk(ast.parse(source)) if isinstance(node, kind)][-1]
    assert not hasattr(node, "lineno")
    assert _Comparison.describe(node, source, "solution") == "the solution has nothing there"
