"""README promises of "When a step runs too long": the limit's default, where it comes from, that 0
turns it off, the half-second insistence, and what the next run says after the hard stop.

A kata step reads the interval timer the time limit arms for it (`signal.getitimer`), so these
tests check the limit a step gets without waiting for it to run out. Every test names, in its
docstring, the one-line bug it was written to catch.
"""

from __future__ import annotations

import json
import sys

import pytest

from tests.kata_repo import KataRepo

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the time limit needs POSIX")

TIMER_KATA = '''\
"""The step reads the timer the time limit armed for it."""

import json
import signal
from pathlib import Path


def test_repeat():
    value, interval = signal.getitimer(signal.ITIMER_REAL)
    Path(__file__).parents[2].joinpath("timer.json").write_text(json.dumps([value, interval]))
'''


def timer_in_step(repo: KataRepo, *args: str) -> tuple[float, float]:
    """The interval timer (seconds left, repeat) as a kata step saw it, in a run with `args`."""
    repo.write("katas/more/test_strings.py", TIMER_KATA)
    repo.record_tree()  # the kata as shipped
    result = repo.run("katas/more/", *args)
    assert result.ret == pytest.ExitCode.OK, result.stdout.str()
    value, interval = json.loads(repo.read("timer.json"))
    return float(value), float(interval)


def use_ini(repo: KataRepo, limit: str) -> None:
    repo.write(
        "pytest.ini", f"[pytest]\naddopts = --import-mode=importlib\nkata_time_limit = {limit}\n"
    )


def test_by_default_a_step_gets_5_seconds_asked_again_every_half_second(repo: KataRepo) -> None:
    """README: "Every step has a time limit of 5 seconds"; a step that swallows the interrupt
    "gets it again every half second". Catches another default, or another repeat."""
    value, interval = timer_in_step(repo)
    assert 0 < value <= 5.0
    assert interval == 0.5


def test_zero_on_the_command_line_turns_the_limit_off(repo: KataRepo) -> None:
    """README: "0 turns it off". Catches 0 read as "not given", so the default applies."""
    assert timer_in_step(repo, "--kata-time-limit=0") == (0.0, 0.0)


def test_zero_in_the_ini_file_turns_the_limit_off(repo: KataRepo) -> None:
    """README: `kata_time_limit` in the ini file, 0 turns it off. Catches 0 read as the
    default there too."""
    use_ini(repo, "0")
    assert timer_in_step(repo) == (0.0, 0.0)


def test_zero_on_the_command_line_overrides_a_limit_in_the_ini_file(repo: KataRepo) -> None:
    """The command line wins over the ini file, also to turn the limit off. Catches a 0 option
    that falls through to the ini file's value."""
    use_ini(repo, "0.3")
    assert timer_in_step(repo, "--kata-time-limit=0") == (0.0, 0.0)


def test_a_limit_on_the_command_line_overrides_0_in_the_ini_file(repo: KataRepo) -> None:
    """The other way round: the option's limit applies though the ini file turns it off."""
    use_ini(repo, "0")
    value, _ = timer_in_step(repo, "--kata-time-limit=2")
    assert 0 < value <= 2.0


def test_a_limit_from_the_ini_file_is_the_one_armed(repo: KataRepo) -> None:
    """The limit the ini file names is the one a step gets (not only the one a message says)."""
    use_ini(repo, "0.7")
    value, _ = timer_in_step(repo)
    assert 0 < value <= 0.7


CATCHES_EXCEPTION = '''\
"""Catches every Exception around an endless loop."""

from pathlib import Path


def test_repeat():
    try:
        while True:
            pass
    except Exception:
        Path(__file__).parents[2].joinpath("swallowed").write_text("the except clause ran")
'''


def test_except_exception_cannot_swallow_the_interrupt(repo: KataRepo) -> None:
    """README, stage 1: the interrupt is "a `KeyboardInterrupt` subclass, so `except Exception`
    cannot swallow it". The step's `except Exception` clause must never run, and the step fails
    on its time limit. Catches the interrupt made an `Exception` (the step still fails in the
    end, on the insisting stage, so only the clause running tells)."""
    repo.write("katas/more/test_strings.py", CATCHES_EXCEPTION)
    result = repo.run("katas/more/", "--kata-time-limit=0.2")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "did not finish within 0.2 s" in " ".join(result.stdout.str().split())
    assert not (repo.root / "swallowed").exists()


SWALLOWS_THEN_WAITS_IN_C = '''\
"""Swallows the interrupt, then waits inside one call into C."""

import os


def test_repeat():
    try:
        while True:
            pass
    except BaseException:
        os.system("sleep 8")
'''


def test_after_a_hard_stop_the_next_run_says_the_time_limit_stopped_it(repo: KataRepo) -> None:
    """README, stage 3: the watchdog ends the process, "and the next run says where the run was
    stopped" — as stopped by the time limit, not as a crash. Catches the next run's line always
    using the message of a run that died on its own ("ended abruptly")."""
    repo.write("katas/more/test_strings.py", SWALLOWS_THEN_WAITS_IN_C)
    stopped = repo.pytester.runpytest_subprocess("katas/more/", "--kata-time-limit=0.2")
    assert "Timeout" in stopped.stderr.str()  # faulthandler's watchdog ended it
    repo.solve("basics/test_adding.py")
    result = repo.run("katas/basics/test_adding.py")
    output = " ".join(result.stdout.str().split())
    assert "was stopped in katas/more/test_strings.py (test_repeat)" in output
    assert "ran past the time limit" in output
    assert "ended abruptly" not in output


SWALLOWS_AND_RETURNS = '''\
"""Swallows the interrupt, then returns."""


def test_repeat():
    try:
        while True:
            pass
    except BaseException:
        pass
'''


def test_a_step_that_swallows_the_interrupt_and_returns_still_fails(repo: KataRepo) -> None:
    """Returning normally after catching the interrupt is not a pass: the step ran past the
    limit."""
    repo.write("katas/more/test_strings.py", SWALLOWS_AND_RETURNS)
    repo.record_tree()
    result = repo.run("katas/more/", "--kata-time-limit=0.2")
    assert result.ret == pytest.ExitCode.TESTS_FAILED, result.stdout.str()
    assert "did not finish within 0.2 s" in " ".join(result.stdout.str().split())
