"""Closing an unstarted or finished generator runs none of its code; after close(), next() raises StopIteration.

A generator that never started has entered no try block, so close() just marks it closed: not
even its finally blocks run. A finished generator has nothing left to clean up, and closing twice
runs the cleanup only once. Whichever way it got there, a closed generator is exhausted.
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
    assert log == __


def test_closing_a_finished_or_closed_generator_changes_nothing():
    log = []
    finished = job(log)
    list(finished)
    finished.close()
    log.append("---")
    closed_twice = job(log)
    next(closed_twice)
    closed_twice.close()
    closed_twice.close()
    with pytest.raises(Exception) as info:
        next(closed_twice)
    assert [log, info.type] == __
