"""Build a generator that always releases what it opened: however it ends, even when dropped.

Put the release in a finally block around the yields. It then runs when the generator finishes,
when close() raises GeneratorExit at the paused yield, when an exception thrown in with throw()
comes back out, and when the last reference to a suspended generator disappears: CPython's
reference counting destroys it at once, and destroying a suspended generator closes it (other
interpreters may wait for their garbage collector). Releasing in `except GeneratorExit` is not
enough: it covers close() but not an exception thrown in.
"""

import pytest

from pytest_katas import __


class FakeResource:
    """Stands in for a file or a connection: it logs when it is opened and when it is closed."""

    def __init__(self, name, log):
        self.name = name
        self.log = log
        log.append(f"open {name}")

    def lines(self):
        return [f"{self.name}: line {i}" for i in (1, 2, 3)]

    def close(self):
        self.log.append(f"close {self.name}")


def read_lines(name, log):
    """Open FakeResource(name, log) on the first next(), yield its lines one by one, and close it
    however the generator ends."""
    resource = FakeResource(name, log)
    try:
        for line in resource.lines():
            yield line
    finally:
        resource.close()


def test_it_yields_every_line_then_releases_the_resource():
    log = []
    assert list(read_lines("a", log)) == ["a: line 1", "a: line 2", "a: line 3"]
    assert log == ["open a", "close a"]


def test_nothing_is_opened_before_the_first_next():
    log = []
    gen = read_lines("a", log)
    assert log == []
    assert next(gen) == "a: line 1"
    assert log == ["open a"]


def test_closing_it_early_releases_the_resource():
    log = []
    gen = read_lines("a", log)
    next(gen)
    gen.close()
    assert log == ["open a", "close a"]


def test_an_exception_thrown_in_comes_out_and_releases_the_resource():
    log = []
    gen = read_lines("a", log)
    next(gen)
    with pytest.raises(ValueError):
        gen.throw(ValueError("stop reading"))
    assert log == ["open a", "close a"]


def test_dropping_it_early_releases_the_resource():
    log = []
    gen = read_lines("a", log)
    next(gen)
    del gen  # the last reference: CPython destroys, and so closes, the generator right here
    assert log == ["open a", "close a"]
