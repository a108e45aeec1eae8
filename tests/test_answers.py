"""Answer-safe failures: a wrong answer is reported, the right one never shown.

Every step of the kata below fails for real, in a pytest run of its own with assertion rewriting
on, as a learner's run would; a conftest hook calls `explain_wrong_answer` on each failure with an
error whose text cannot be read (so the explanation cannot lean on pytest's message), and keeps
what it says and pytest's own report of the same failure.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from pytest_katas.answers import answer_lines, explain_wrong_answer

HELPERS = '''
"""The kata's code, out of the kata file: no right value is written where an excerpt shows it."""

CALLS = []


class Point(tuple):
    pass


def total():
    return 4200 + 42


def pair():
    return (7000 + 31, 7000 + 32)


def greeting():
    return "Hello, " + "wonderful " * 6 + "world of generators" + "!" * 3


def table():
    return {"alpha": 1, "beta": 1 + 1}


def numbers():
    return [11 * 101, 12 * 101]


def boom():
    raise KeyError("a" + "b")


def quiet():
    return None


def thing():
    return Point((1, 2))


def tick():
    CALLS.append(1)
    return 5000 + 55
'''

SHIPPED = '''
"""A kata made to fail: every step has one answer."""

import sys

import pytest
from kata_helpers import boom, greeting, numbers, pair, quiet, table, thing, tick, total

from pytest_katas import __


def test_int():
    assert total() == __


def test_tuple_against_list():
    value = pair()
    assert value == __


def test_long_string():
    assert greeting() == __


def test_string_of_another_length():
    assert greeting() == __


def test_dict():
    assert table() == __


def test_wrong_length():
    assert numbers() == __


def test_empty_value():
    events = []
    assert events == __


def test_none_value():
    found = None
    assert found == __


def test_membership():
    assert __ in numbers()


def test_membership_of_another_kind():
    assert __ in numbers()


def test_raises_another_exception():
    with pytest.raises(__):
        boom()


def test_did_not_raise():
    with pytest.raises(__):
        quiet()


def test_isinstance():
    assert isinstance(thing(), __)


def test_other_side_is_a_call():
    assert tick() == __


def test_answer_on_the_left():
    assert __ == pair()


def test_answer_carried_by_a_name():
    expected = __ if sys.version_info >= (3, 8) else __
    assert pair() == expected


def test_version_shape():
    assert pair() == (__ if sys.version_info >= (3, 8) else __)


def test_answer_over_lines():
    assert table() == __


def test_undefined_name():
    assert total() == __


def test_type_is():
    assert type(thing()) is __


def test_answer_that_cannot_be_compared():
    assert total() < __


def test_fails_after_the_answer():
    assert total() == __
    assert pair() == (1, 2)
'''

LEARNER = '''
"""A kata made to fail: every step has one answer."""

import sys

import pytest
from kata_helpers import boom, greeting, numbers, pair, quiet, table, thing, tick, total

from pytest_katas import __


def test_int():
    assert total() == 4300


def test_tuple_against_list():
    value = pair()
    assert value == [7031, 7032]


def test_long_string():
    assert greeting() == (
        "Hello, wonderful wonderful wonderful wonderful wonderful wonderful world of generators!!?"
    )


def test_string_of_another_length():
    assert greeting() == "Hello"


def test_dict():
    assert table() == {"alpha": 1}


def test_wrong_length():
    assert numbers() == [1111, 1212, 1313]


def test_empty_value():
    events = []
    assert events == ["made", "x"]


def test_none_value():
    found = None
    assert found == [1]


def test_membership():
    assert 1234 in numbers()


def test_membership_of_another_kind():
    assert "1111" in numbers()


def test_raises_another_exception():
    with pytest.raises(ValueError):
        boom()


def test_did_not_raise():
    with pytest.raises(ValueError):
        quiet()


def test_isinstance():
    assert isinstance(thing(), list)


def test_other_side_is_a_call():
    assert tick() == (5000,)


def test_answer_on_the_left():
    assert [7031, 7032] == pair()


def test_answer_carried_by_a_name():
    expected = [7031] if sys.version_info >= (3, 8) else [1]
    assert pair() == expected


def test_version_shape():
    assert pair() == ([7031] if sys.version_info >= (3, 8) else [1])


def test_answer_over_lines():
    assert table() == {
        "alpha": 1,
        "beta": 3,
    }


def test_undefined_name():
    assert total() == forty_two


def test_type_is():
    assert type(thing()) is list


def test_answer_that_cannot_be_compared():
    assert total() < "4300"


def test_fails_after_the_answer():
    assert total() == 4242
    assert pair() == (1, 2)
'''

CONFTEST = '''
import json
from pathlib import Path

import kata_helpers
import pytest

from pytest_katas.answers import answer_lines, explain_wrong_answer
from pytest_katas.i18n import set_language

HERE = Path(__file__).parent
RESULTS = {}


def unreadable(error):
    """The same kind of error, but its text cannot be read: str(), repr() and args fail."""

    def refuse(self, *args):
        raise RuntimeError("the message of the error was read")

    kind = type(error.__class__.__name__, (type(error),), {"__str__": refuse, "__repr__": refuse})
    copy = BaseException.__new__(kind)
    if isinstance(error, NameError):
        copy.name = error.name
    return copy


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "call" and call.excinfo is not None:
        lines = answer_lines((HERE / "shipped.txt").read_text(), item.path.read_text())
        set_language((HERE / "language.txt").read_text())
        before = len(kata_helpers.CALLS)
        found = explain_wrong_answer(
            unreadable(call.excinfo.value), call.excinfo.tb, item.path, "katas/test_kata.py", lines
        )
        RESULTS[item.name] = {
            "summary": None if found is None else found.summary,
            "text": None if found is None else found.text,
            "pytest": str(report.longrepr),
            "calls": len(kata_helpers.CALLS) - before,
        }
    return report


def pytest_sessionfinish(session):
    (HERE / "results.json").write_text(json.dumps(RESULTS))
'''


@dataclass(frozen=True)
class Outcome:
    summary: str | None
    text: str | None
    pytest: str
    """pytest's own report of the same failure."""
    calls: int
    """How many times the explanation called `tick()`."""

    @property
    def said(self) -> str:
        assert self.summary is not None and self.text is not None
        return f"{self.summary}\n{self.text}"


RIGHT = {
    "test_int": 4242,
    "test_tuple_against_list": (7031, 7032),
    "test_long_string": "Hello, " + "wonderful " * 6 + "world of generators!!!",
    "test_string_of_another_length": "Hello, " + "wonderful " * 6 + "world of generators!!!",
    "test_dict": {"alpha": 1, "beta": 2},
    "test_wrong_length": [1111, 1212],
    "test_membership": [1111, 1212],
    "test_membership_of_another_kind": [1111, 1212],
    "test_isinstance": (1, 2),
    "test_other_side_is_a_call": 5055,
    "test_answer_on_the_left": (7031, 7032),
    "test_answer_carried_by_a_name": (7031, 7032),
    "test_version_shape": (7031, 7032),
    "test_answer_over_lines": {"alpha": 1, "beta": 2},
    "test_undefined_name": 4242,
    "test_type_is": "Point",
    "test_answer_that_cannot_be_compared": 4242,
}


def run_kata(
    pytester: pytest.Pytester, *, language: str = "en", rewrite: bool = True
) -> dict[str, Outcome]:
    learner = LEARNER if rewrite else LEARNER.replace('"""A kata', '"""PYTEST_DONT_REWRITE: a kata')
    files = {
        "kata_helpers.py": HELPERS,
        "test_kata.py": learner,
        "conftest.py": CONFTEST,
        "shipped.txt": SHIPPED,
        "language.txt": language,
    }
    for name, text in files.items():
        (pytester.path / name).write_text(text, encoding="utf-8")
    result = pytester.runpytest_inprocess(
        "-p", "no:katas", "-p", "no:cacheprovider", "-q", "--tb=no"
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    results = json.loads(Path(pytester.path, "results.json").read_text())
    return {name: Outcome(**found) for name, found in results.items()}


def line_of(text: str, source: str = LEARNER) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


@pytest.fixture
def outcomes(pytester: pytest.Pytester) -> dict[str, Outcome]:
    return run_kata(pytester)


def test_every_step_failed(outcomes: dict[str, Outcome]) -> None:
    no_right_value = {"test_raises_another_exception", "test_did_not_raise"}
    named_by_length_or_kind = {"test_empty_value", "test_none_value"}
    assert set(outcomes) == {
        *RIGHT,
        *no_right_value,
        *named_by_length_or_kind,
        "test_fails_after_the_answer",
    }


def test_pytest_itself_shows_the_right_values(outcomes: dict[str, Outcome]) -> None:
    """The reason for this module: with assertions rewritten, pytest prints the right value."""
    assert "4242" in outcomes["test_int"].pytest
    assert repr((7031, 7032)) in outcomes["test_tuple_against_list"].pytest
    assert "KeyError" in outcomes["test_raises_another_exception"].pytest


def test_no_explanation_shows_a_right_value(outcomes: dict[str, Outcome]) -> None:
    for name, right in RIGHT.items():
        said = outcomes[name].said
        assert repr(right) not in said, name
        assert str(right) not in said, name


def test_a_wrong_int(outcomes: dict[str, Outcome]) -> None:
    line = line_of("assert total() == 4300")
    assert outcomes["test_int"].summary == f"the answer on line {line} is not right"
    text = outcomes["test_int"].text
    assert text is not None
    first, *excerpt = text.splitlines()
    assert first == f"The answer on line {line} of katas/test_kata.py is not right."
    assert excerpt[-1] == f"  -> {line} |     assert total() == 4300"


def test_a_list_for_a_tuple(outcomes: dict[str, Outcome]) -> None:
    assert outcomes["test_tuple_against_list"].summary == (
        f"the answer on line {line_of('[7031, 7032]')} is not right: "
        "your answer is a list, the value is a tuple"
    )


def test_strings_show_no_diff(outcomes: dict[str, Outcome]) -> None:
    same_length = outcomes["test_long_string"]
    assert same_length.summary is not None
    assert same_length.summary.endswith("is not right")
    assert "?" not in same_length.said.replace("!!?", "")  # the learner's own text has one
    assert "world of generators!!!" not in same_length.said
    assert "- " not in same_length.said and "+ " not in same_length.said
    other_length = outcomes["test_string_of_another_length"]
    assert other_length.summary is not None
    assert other_length.summary.endswith(
        "your answer has 5 characters, the value has 89 characters"
    )
    assert "wonderful" not in other_length.said


def test_dicts_and_containers_of_another_length(outcomes: dict[str, Outcome]) -> None:
    assert str(outcomes["test_dict"].summary).endswith(
        "your answer has 1 item, the value has 2 items"
    )
    assert "beta" not in outcomes["test_dict"].said
    assert str(outcomes["test_wrong_length"].summary).endswith(
        "your answer has 3 items, the value has 2 items"
    )


def test_a_length_or_kind_that_would_name_the_value_is_not_told(
    outcomes: dict[str, Outcome],
) -> None:
    """ "The value has 0 items" would say it is empty, and "the value is a NoneType" that it is
    None: the answer itself."""
    empty = outcomes["test_empty_value"]
    assert str(empty.summary).endswith(
        "your answer has 2 items, which is not how many the value has"
    )
    assert "0 items" not in empty.said
    nothing = outcomes["test_none_value"]
    assert str(nothing.summary).endswith("is not right")
    assert "NoneType" not in nothing.said and "the value is" not in nothing.said


def test_an_answer_written_over_several_lines(outcomes: dict[str, Outcome]) -> None:
    line = line_of('"beta": 3,') - 2
    assert outcomes["test_answer_over_lines"].summary == f"the answer on line {line} is not right"


def test_membership(outcomes: dict[str, Outcome]) -> None:
    assert str(outcomes["test_membership"].summary).endswith("is not right")
    assert str(outcomes["test_membership_of_another_kind"].summary).endswith(
        "is not right: your answer is a str, the value holds int items"
    )
    assert "1212" not in outcomes["test_membership_of_another_kind"].said


def test_raises_another_exception(outcomes: dict[str, Outcome]) -> None:
    found = outcomes["test_raises_another_exception"]
    raised = line_of("        boom()")
    answer = raised - 1
    assert found.summary == (
        f"the answer on line {answer} is not right: "
        f"the code raised a different exception than your answer, on line {raised}"
    )
    assert "KeyError" not in found.said and "'ab'" not in found.said


def test_did_not_raise(outcomes: dict[str, Outcome]) -> None:
    found = outcomes["test_did_not_raise"]
    assert found.summary == (
        f"the answer on line {line_of('        quiet()') - 1} is not right: "
        "the code raised nothing where your answer says it raises"
    )


def test_isinstance(outcomes: dict[str, Outcome]) -> None:
    found = outcomes["test_isinstance"]
    assert str(found.summary).endswith(
        "the value is not an instance of your answer, nor of a subclass of it"
    )
    assert "tuple" not in found.said and "Point" not in found.said


def test_a_type_compared_by_identity(outcomes: dict[str, Outcome]) -> None:
    found = outcomes["test_type_is"]
    assert str(found.summary).endswith("is not right")
    assert "Point" not in found.said and "tuple" not in found.said


def test_the_other_side_is_read_never_called(outcomes: dict[str, Outcome]) -> None:
    found = outcomes["test_other_side_is_a_call"]
    assert found.calls == 0
    assert str(found.summary).endswith("your answer is a tuple, the value is an int")


def test_the_answer_on_the_left(outcomes: dict[str, Outcome]) -> None:
    assert str(outcomes["test_answer_on_the_left"].summary).endswith(
        "your answer is a list, the value is a tuple"
    )


def test_an_answer_carried_by_a_name(outcomes: dict[str, Outcome]) -> None:
    found = outcomes["test_answer_carried_by_a_name"]
    answer, checked = line_of("expected = [7031]"), line_of("assert pair() == expected")
    assert found.summary == (
        f"the answer on line {answer} is not right: your answer is a list, the value is a tuple"
    )
    assert f"It is checked on line {checked}:" in str(found.text)


def test_the_version_shape(outcomes: dict[str, Outcome]) -> None:
    assert str(outcomes["test_version_shape"].summary).endswith(
        "your answer is a list, the value is a tuple"
    )


def test_an_undefined_name_in_the_answer(outcomes: dict[str, Outcome]) -> None:
    assert str(outcomes["test_undefined_name"].summary).endswith(
        "your answer uses the name forty_two, which is not defined there"
    )


def test_an_answer_the_statement_cannot_use(outcomes: dict[str, Outcome]) -> None:
    """pytest would print "'<' not supported between instances of 'int' and 'str'"."""
    found = outcomes["test_answer_that_cannot_be_compared"]
    line = line_of("assert total() < ")
    assert found.summary == (
        f"the answer on line {line} is not right: the statement with your answer raised TypeError"
    )


def test_a_failure_not_on_an_answer_is_left_to_pytest(outcomes: dict[str, Outcome]) -> None:
    found = outcomes["test_fails_after_the_answer"]
    assert found.summary is None and found.text is None


def test_without_assertion_rewriting_nothing_is_called(pytester: pytest.Pytester) -> None:
    """With plain asserts there are no temporaries to read: only names and literals are.
    (`--assert=plain` would not do: this session's own import hook would rewrite the kata.)"""
    outcomes = run_kata(pytester, rewrite=False)
    assert outcomes["test_int"].pytest.strip() == "E   AssertionError"
    assert outcomes["test_other_side_is_a_call"].calls == 0
    assert str(outcomes["test_other_side_is_a_call"].summary).endswith("is not right")
    assert str(outcomes["test_tuple_against_list"].summary).endswith(
        "your answer is a list, the value is a tuple"
    )
    assert str(outcomes["test_int"].summary).endswith("is not right")
    assert str(outcomes["test_did_not_raise"].summary).endswith("where your answer says it raises")
    for name, right in RIGHT.items():
        assert repr(right) not in outcomes[name].said, name


def test_in_chinese(pytester: pytest.Pytester) -> None:
    outcomes = run_kata(pytester, language="zh")
    line = line_of("[7031, 7032]")
    assert outcomes["test_tuple_against_list"].summary == (
        f"第 {line} 行的答案不对：你的答案是 list，而这个值是 tuple"
    )
    assert str(outcomes["test_did_not_raise"].text).startswith("katas/test_kata.py 第 ")


def lines(shipped: str, learner: str) -> list[int]:
    return sorted(answer_lines(textwrap.dedent(shipped), textwrap.dedent(learner)))


def test_answer_lines_are_the_learners_lines() -> None:
    shipped = """
        from pytest_katas import __

        def test_a():
            assert f() == __

        def test_b():
            expected = __ if sys.version_info >= (3, 11) else __
            assert g() == (__,)
    """
    learner = """
        from pytest_katas import __

        def test_a():
            assert f() == [
                1,
                2,
            ]

        def test_b():
            expected = 1 if sys.version_info >= (3, 11) else 2
            assert g() == (ValueError,)
    """
    assert lines(shipped, learner) == [5, 6, 7, 8, 11, 12]


def test_answer_lines_leave_build_blanks_and_imports_out() -> None:
    shipped = """
        from pytest_katas import __

        def running_total():
            '''A generator.'''
            __

        def test_it():
            assert list(running_total()) == __
    """
    learner = """
        from pytest_katas import __

        def running_total():
            '''A generator.'''
            total = 0
            while True:
                total += yield total

        def test_it():
            assert list(running_total()) == [0]
    """
    assert lines(shipped, learner) == [11]


def test_answer_lines_of_trees_that_differ_never_raise() -> None:
    shipped = "assert f() == __\nassert g() == __\nassert h() == __\n"
    assert lines(shipped, "assert f() == 1\nx = 2\nassert h() == 3\n") == [1, 3]
    assert lines(shipped, "assert f() == 1\n") == [1]
    assert lines(shipped, "def (:\n") == []
    assert lines("def (:\n", "x = 1\n") == []
    # the learner's text that swallows the comparison is still the learner's
    assert lines("assert x == __\n", "assert x == 1 if y else 2\n") == [1]


def test_nothing_to_say_without_answers_or_a_kata_file(tmp_path: Path) -> None:
    try:
        raise AssertionError
    except AssertionError as error:
        caught = error
    here = Path(__file__)
    assert explain_wrong_answer(caught, caught.__traceback__, here, "x", frozenset()) is None
    missing = tmp_path / "gone.py"
    assert explain_wrong_answer(caught, caught.__traceback__, missing, "x", frozenset({1})) is None
    # a failure in a file other than the kata
    assert explain_wrong_answer(caught, caught.__traceback__, tmp_path, "x", frozenset({1})) is None
