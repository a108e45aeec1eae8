"""The three-way merge `pytest-katas update` uses (pytest_katas/workspace/merge.py): lines first,
then one top-level statement at a time, so an answer on a kata's last line survives a release
that appends a step, while two different changes to one statement still conflict."""

from __future__ import annotations

from pytest_katas.workspace.merge import Merged, chunks_of, merge

KATA = '''\
"""Strings multiply."""

from pytest_katas import __


def test_repeat():
    assert "ab" * 2 == __
'''

ANSWERED = KATA.replace("== __", '== "abab"')
APPENDED = (
    KATA
    + """

def test_repeat_zero():
    assert "ab" * 0 == __
"""
)


def test_an_answer_on_the_last_line_survives_a_step_appended_after_it() -> None:
    # merge3 alone: both sides changed the end of the file
    assert merge(KATA, ANSWERED, APPENDED) == Merged(
        APPENDED.replace('"ab" * 2 == __', '"ab" * 2 == "abab"'), conflicted=False
    )


def test_the_same_statement_changed_differently_is_the_releases_and_the_rest_is_kept() -> None:
    changed = APPENDED.replace('"ab" * 2', '"ab" * 3')
    assert merge(KATA, ANSWERED, changed) == Merged(changed, conflicted=True)
    # answers to the other steps stay
    two_answered = APPENDED.replace('"ab" * 2 == __', '"ab" * 2 == "abab"').replace(
        '"ab" * 0 == __', '"ab" * 0 == ""'
    )
    reworded = APPENDED.replace('"ab" * 2', '"ab" * 3').replace("Strings multiply.", "Repeat.")
    merged = merge(APPENDED, two_answered, reworded)
    assert merged.conflicted
    assert merged.text == reworded.replace('"ab" * 0 == __', '"ab" * 0 == ""')


def test_a_function_the_learner_added_is_kept_after_the_statement_it_followed() -> None:
    helper = "\n\ndef twice(text):\n    return text * 2\n"
    mine = ANSWERED.replace("\n\ndef test_repeat", helper + "\n\ndef test_repeat")
    merged = merge(KATA, mine, APPENDED)
    assert not merged.conflicted
    text = merged.text
    # right after the statement it followed (the import), not before it
    assert text.index("from pytest_katas import __") < text.index("def twice")
    assert text.index("def twice") < text.index("def test_repeat():")
    assert text.index("def test_repeat():") < text.index("def test_repeat_zero")
    assert '"ab" * 2 == "abab"' in text


def test_a_step_the_release_dropped_conflicts_only_when_the_learner_answered_it() -> None:
    dropped = KATA.replace("Strings multiply.", "Strings repeat.")
    first_answered = APPENDED.replace('"ab" * 2 == __', '"ab" * 2 == "abab"')
    assert merge(APPENDED, first_answered, dropped) == Merged(
        dropped.replace('"ab" * 2 == __', '"ab" * 2 == "abab"'), conflicted=False
    )
    second_answered = APPENDED.replace('"ab" * 0 == __', '"ab" * 0 == ""')
    assert merge(APPENDED, second_answered, dropped) == Merged(dropped, conflicted=True)


def test_chunks_join_back_to_the_source_and_refuse_what_cannot_be_paired() -> None:
    chunks = chunks_of(APPENDED)
    assert chunks is not None
    assert "".join(text for _, text in chunks) == APPENDED
    assert [key for key, _ in chunks] == [
        "stmt 1",
        "stmt 2",
        "def test_repeat",
        "def test_repeat_zero",
        "tail",
    ]
    assert chunks_of("def f(:\n") is None
    assert chunks_of("def f(): pass\ndef f(): pass\n") is None


def test_a_learners_file_that_does_not_parse_takes_the_releases_kata_on_a_conflict() -> None:
    mine = KATA.replace("== __", "== (")  # an answer half typed: not Python yet
    new = KATA.replace('"ab" * 2', '"ab" * 3')
    assert merge(KATA, mine, new) == Merged(new, conflicted=True)
