"""The blank itself, and the comparison of a kata with its solution, on their own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pytest_katas import BlankError, __
from pytest_katas.blanks import find_blank_sites
from pytest_katas.drift import find_drift


@pytest.mark.parametrize(
    "use",
    [
        lambda: 1 == __,  # noqa: SIM300 - the blank on the right is the point
        lambda: __ == 1,
        lambda: [1, 2] == [1, __],  # noqa: SIM300
        lambda: bool(__),
        lambda: {__},
        lambda: __.attribute,
        lambda: f"{__}",
        lambda: 1 + __,
        lambda: list(__),
        lambda: __(),
    ],
)
def test_every_use_of_a_blank_is_refused(use: Callable[[], object]) -> None:
    with pytest.raises(BlankError, match="waiting for your answer"):
        use()


def test_a_blank_shows_as_itself() -> None:
    assert repr(__) == "__"


KATA = '''\
"""The lesson."""

from pytest_katas import __


def count_to(n):
    """Yield 1 .. n."""
    __


def test_counts():
    assert list(count_to(2)) == __
    with pytest.raises(__):
        next(iter([]))
'''

SOLUTION = (
    KATA.replace(
        '    """Yield 1 .. n."""\n    __', '    """Yield 1 .. n."""\n    yield 1\n    yield 2'
    )
    .replace("== __", "== [1, 2]")
    .replace("raises(__)", "raises(StopIteration)")
)


def test_blank_sites_skip_imports_and_build_bodies() -> None:
    sites = find_blank_sites(KATA)
    assert sites.lines == (12, 13)
    assert [(blank.name, blank.line) for blank in sites.build_blanks] == [("count_to", 6)]


def test_blank_sites_of_a_source_that_does_not_parse() -> None:
    sites = find_blank_sites("def f(:\n    x = __\n")
    assert sites.build_blanks == ()


def test_a_filled_in_kata_has_no_drift() -> None:
    assert find_drift(KATA, SOLUTION) is None


def test_comments_and_layout_may_differ() -> None:
    assert (
        find_drift(KATA, SOLUTION.replace("    yield 2", "    # and then\n\n    yield 2")) is None
    )


@pytest.mark.parametrize(
    ("solution", "message"),
    [
        (
            SOLUTION.replace('"""The lesson."""', '"""Another lesson."""'),
            'line 1 of the kata is `"""The lesson."""`, but line 1 of the solution is '
            '`"""Another lesson."""`',
        ),
        (
            SOLUTION.replace("next(iter([]))", "next(iter(()))"),
            "line 14 of the kata is `next(iter([]))`, but line 15 of the solution is "
            "`next(iter(()))`",
        ),
        (
            SOLUTION + "\n\ndef test_more():\n    pass\n",
            "line 18 of the solution is `def test_more():`, which the kata does not have",
        ),
        (
            SOLUTION.replace(
                "    with pytest.raises(StopIteration):\n        next(iter([]))\n", ""
            ),
            "line 13 of the kata is `with pytest.raises(__):`, missing from the solution",
        ),
        (KATA, "the solution still has a blank __ on line 12"),
        ("def f(:\n", "the solution does not parse: invalid syntax on line 1"),
    ],
)
def test_drift_names_the_first_difference(solution: str, message: str) -> None:
    drift = find_drift(KATA, solution)
    assert drift is not None
    assert drift.message == message


def test_a_kata_that_does_not_parse_is_drift() -> None:
    drift = find_drift("def f(:\n", SOLUTION)
    assert drift is not None
    assert drift.message == "the kata does not parse: invalid syntax on line 1"


def test_a_build_body_must_be_written() -> None:
    kata = "def f():\n    __\n    return 1\n"
    drift = find_drift(kata, "def f():\n    return 1\n")
    assert drift is not None
    assert drift.message == "line 3 of the kata is `return 1`, missing from the solution"
