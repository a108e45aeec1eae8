"""`pytest --solution` compares meaning, not text: blank by blank, and build function by build
function, the learner's answer beside the reference's, with layout and comments gone; `--full`
gives the whole diff."""

from __future__ import annotations

import pytest

from tests.kata_repo import ADDING_KATA, COUNTING_KATA, KataRepo

ADDING = "katas/basics/test_adding.py"
COUNTING = "katas/basics/test_counting.py"


@pytest.fixture
def recorded(repo: KataRepo, monkeypatch: pytest.MonkeyPatch) -> KataRepo:
    """The small repository with its katas recorded as shipped, so blanks can be located."""
    repo.record_as_shipped(monkeypatch)
    return repo


def solve(repo: KataRepo, kata: str, source: str) -> None:
    """Write the learner's file and pass the kata with it, which unlocks its solution."""
    repo.write(kata, source)
    assert repo.run(kata).ret == pytest.ExitCode.OK


def test_an_answer_rewrapped_with_a_noqa_comment_is_the_same(recorded: KataRepo) -> None:
    mine = ADDING_KATA.replace(
        "assert 1 + 1 == __", "assert 1 + 1 == (  # noqa: PLR2004\n        2\n    )"
    ).replace("answer = __", "answer = 4  # noqa")
    solve(recorded, ADDING, mine)
    result = recorded.run("--solution", ADDING)
    assert result.ret == pytest.ExitCode.OK
    assert result.outlines[-11:] == [
        "Adding numbers: your answers in katas/basics/test_adding.py beside the reference's",
        "Compared as code: layout and comments make no difference.",
        "",
        "line 8, test_one_plus_one: same",  # where the answer is in the learner's file
        "  both:      2",
        "",
        "line 13, test_two_plus_two: same",
        "  both:      4",
        "",
        "2 of 2 answers are the same as the reference.",
        f"Whole reference file, as a diff: pytest --solution {ADDING} --full",
    ]
    assert "noqa" not in result.stdout.str()


def test_a_different_answer_that_passes_is_shown_beside_the_reference(recorded: KataRepo) -> None:
    solve(recorded, ADDING, ADDING_KATA.replace("== __", "== 2").replace("= __", "= 2 + 2"))
    result = recorded.run("--solution", ADDING)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        [
            "line 7, test_one_plus_one: same",
            "  both:      2",
            "line 11, test_two_plus_two: different",
            "  yours:     2 + 2",
            "  reference: 4",
            "1 of 2 answers are the same as the reference.",
        ]
    )
    assert "@@" not in result.stdout.str()


def test_a_written_function_is_shown_body_beside_body(recorded: KataRepo) -> None:
    mine = "    for i in range(1, n + 1):  # one at a time\n        yield i"
    solve(recorded, COUNTING, COUNTING_KATA.replace("    __", mine))
    result = recorded.run("--solution", COUNTING)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        [
            "count_up_to(), line 6: different",
            "  yours:",
            "    for i in range(1, n + 1):",
            "        yield i",
            "  reference:",
            "    yield from range(1, n + 1)",
            "",
            "0 of 1 answer is the same as the reference.",
        ]
    )
    output = result.stdout.str()
    assert "one at a time" not in output
    assert "Yield 1, 2, ..., n." not in output  # the docstring is the kata's, not an answer


def test_a_written_function_laid_out_differently_is_the_same(recorded: KataRepo) -> None:
    mine = "    yield from range(1,\n                     n + 1)  # noqa"
    solve(recorded, COUNTING, COUNTING_KATA.replace("    __", mine))
    result = recorded.run("--solution", COUNTING)
    result.stdout.fnmatch_lines(
        [
            "count_up_to(), line 6: same",
            "  both:",
            "    yield from range(1, n + 1)",
            "",
            "1 of 1 answer is the same as the reference.",
        ]
    )


def test_full_shows_the_whole_diff(recorded: KataRepo) -> None:
    solve(recorded, ADDING, ADDING_KATA.replace("== __", "== 2").replace("= __", "= 2 + 2"))
    result = recorded.run("--solution", ADDING, "--full")
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
    assert "answers are the same" not in result.stdout.str()


def test_a_file_that_no_longer_pairs_with_the_kata_gets_the_diff_and_says_why(
    recorded: KataRepo,
) -> None:
    solve(recorded, ADDING, ADDING_KATA.replace("== __", "== 2").replace("= __", "= 4"))
    recorded.write(ADDING, recorded.read(ADDING) + "\n\ndef test_mine():\n    pass\n")
    result = recorded.run("--solution", ADDING)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        [
            "Adding numbers: your katas/basics/test_adding.py against the reference solution",
            "Your file no longer has the kata's shape around its blanks, so here is the whole "
            "diff.",
            "--- katas/basics/test_adding.py (yours)",
            "-def test_mine():",
        ]
    )


@pytest.mark.parametrize("extra", [[], ["--full"]])
def test_a_locked_solution_is_still_refused(recorded: KataRepo, extra: list[str]) -> None:
    result = recorded.run("--solution", ADDING, *extra)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["The solution to katas/basics/test_adding.py * is locked*"])
    assert "== 2" not in result.stdout.str()
    assert "both:" not in result.stdout.str()


def test_the_comparison_in_chinese(recorded: KataRepo) -> None:
    solve(recorded, ADDING, ADDING_KATA.replace("== __", "== 2").replace("= __", "= 2 + 2"))
    result = recorded.run("--solution", ADDING, "--lang=zh")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        [
            "加法：katas/basics/test_adding.py 里你的答案与参考答案的对照",
            "按代码比较：排版和注释不算差别。",
            "第 7 行，test_one_plus_one：相同",
            "  两者：     2",
            "第 11 行，test_two_plus_two：不同",
            "  你的：     2 + 2",
            "  参考答案： 4",
            "2 个答案中有 1 个与参考答案相同。",
            f"整个参考答案文件的差异：pytest --lang zh --solution {ADDING} --full",
        ]
    )


def test_colours_mark_same_and_different_and_go_with_color_no(recorded: KataRepo) -> None:
    solve(recorded, ADDING, ADDING_KATA.replace("== __", "== 2").replace("= __", "= 2 + 2"))
    coloured = recorded.run("--solution", ADDING, "--color=yes").stdout.str()
    assert "\x1b[32mline 7, test_one_plus_one: same" in coloured
    assert "\x1b[33mline 11, test_two_plus_two: different" in coloured
    assert "\x1b[31m  yours:     2 + 2" in coloured
    plain = recorded.run("--solution", ADDING, "--color=no").stdout.str()
    assert "\x1b[" not in plain
    assert "line 11, test_two_plus_two: different" in plain


def test_a_long_answer_wraps_at_commas_within_80_columns_and_is_never_cut(
    recorded: KataRepo,
) -> None:
    phrase = "a long string, with commas, which stays whole"
    # written as ast.unparse writes it, so that what is shown can be compared with it
    answer = f"''.join(['a', 'b', 'a', 'b'] + ['' for _ in '{phrase}'] + ['', '', '', ''])"
    solve(recorded, "katas/more/test_strings.py", STRINGS_WITH.format(answer=answer))
    result = recorded.run("--solution", "katas/more/test_strings.py", "--color=no")
    lines = result.stdout.lines
    start = lines.index("line 7, test_repeat: different")
    shown = lines[start + 1 : lines.index("  reference: 'abab'")]
    assert len(shown) > 1
    assert all(len(line) <= 80 for line in shown)
    assert any(phrase in line for line in shown)
    first = shown[0].removeprefix("  yours:     ")
    assert " ".join([first, *(line.strip() for line in shown[1:])]) == answer


STRINGS_WITH = '''\
"""Strings multiply."""

from pytest_katas import __


def test_repeat():
    assert "ab" * 2 == {answer}
'''


def test_reveal_of_a_build_kata_gives_no_code_away(recorded: KataRepo) -> None:
    """Pairing blanks leaves a written function's body out of the predict answers (it used to
    be paired when the reference body was one expression statement)."""
    result = recorded.run("--reveal", COUNTING)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["This kata asks you to write code, not to predict values*"])
    assert "yield from" not in result.stdout.str()
