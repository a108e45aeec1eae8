"""Closing an unstarted or finished generator does nothing; after close(), next() raises StopIteration.

A generator that never started has entered no try block, so close() just marks it closed: not
even its finally blocks run. A finished generator has nothing left to clean up. Closing twice is
harmless too. Whichever way it got there, a closed generator is exhausted.
"""

import pytest

from pytest_katas import __


def job(log):
    log.append("started")
    try:
        yield "working"
    finally:
        log.append("finally")


def test_closing_an_unstarted_generator_runs_none_of_its_code():
    log = []
    gen = job(log)
    gen.close()
    assert log == []


def test_closing_a_finished_generator_changes_nothing():
    log = []
    gen = job(log)
    list(gen)
    gen.close()
    assert log == ["started", "finally"]


def test_closing_twice_runs_the_cleanup_once():
    log = []
    gen = job(log)
    next(gen)
    gen.close()
    gen.close()
    assert log == ["started", "finally"]


def test_next_after_close_raises_stopiteration():
    gen = job([])
    next(gen)
    gen.close()
    with pytest.raises(Exception) as info:
        next(gen)
    assert info.type is StopIteration
