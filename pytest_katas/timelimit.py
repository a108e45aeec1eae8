"""A time limit on every kata step that learner code cannot dodge.

It escalates in three stages (the README's "When a step runs too long" tells the learner):

1. **Ask.** At the limit, the interval timer (SIGALRM) raises `StepInterrupt` in the step. It is a
   `KeyboardInterrupt`, so `except Exception` does not swallow it and asyncio passes it on from its
   callbacks and tasks instead of handing it to the loop's exception handler (CPython's asyncio
   treats KeyboardInterrupt and SystemExit alone this way). The step fails with "did not finish
   within N s", and where it was stopped.
2. **Insist.** A step that swallows it (a bare `except:` in a loop) gets it again every
   `REPEAT_SECONDS`, and from then on on every line it runs (a trace function that raises), so
   the `except` clause that would swallow it raises it too.
3. **Stop.** About `HARD_STOP_AFTER` seconds past the limit (see `Watchdog`), faulthandler's
   watchdog, a C thread that does not need the GIL (so it also ends a step stuck inside one C
   call), prints every thread's stack to the terminal and ends the process. Every step finished
   before is already saved in the journal, and the next run says where the run was stopped.

A step whose time went into one long C call (a huge allocation, `sum(range(10**10))`) is told so
rather than called an endless loop: the alarm is then served late, after the call returns.

Where there is no interval timer (Windows) or it is not ours to take (another plugin uses SIGALRM,
a debugger is on, not the main thread), steps run unlimited.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator
from types import FrameType
from typing import Any

import _pytest
import pluggy
import pytest

from pytest_katas.i18n import N_, Messages
from pytest_katas.layout import Layout

say = Messages(
    {
        "too-long": N_("the step did not finish within {seconds} s"),
        "not-a-number": N_("kata_time_limit must be a number of seconds (0 for none), not {value}"),
        "negative": N_("kata_time_limit must be 0 or more seconds, not {value}"),
    }
)

DEFAULT_SECONDS = 5.0
REPEAT_SECONDS = 0.5
HARD_STOP_AFTER = 3.0
REARM_SECONDS = 1.0
LATE_SECONDS = 0.5
"""An alarm served this much past the limit was held up by one long call into C code."""


_OURS = tuple(
    os.path.dirname(path) + os.sep
    for path in (pytest.__file__, pluggy.__file__, _pytest.__file__, __file__)
    if path
)
"""Code the insisting trace function leaves alone: pytest's, pluggy's and this plugin's."""


class Watchdog:
    """faulthandler's watchdog, the hard stop: a C thread that needs no GIL, dumps every
    thread's stack to the terminal and ends the process when a step overruns by far.

    Arming it starts a thread (milliseconds on a busy machine), so it is not armed per step but
    fed: re-armed at a step's start only when the last arming is older than `REARM_SECONDS`.
    A step therefore gets at least `limit + HARD_STOP_AFTER - REARM_SECONDS` seconds before the
    hard stop, and at most `limit + HARD_STOP_AFTER`. A fork stops it for the fork and starts it
    again after: a fork with another thread running warns on 3.12+."""

    def __init__(self, fd: int, timeout: float) -> None:
        self.fd = fd
        self.timeout = timeout
        self.armed_at: float | None = None
        self.paused = False

    def feed(self) -> None:
        now = time.monotonic()
        if self.armed_at is None or now - self.armed_at > REARM_SECONDS:
            faulthandler.dump_traceback_later(self.timeout, exit=True, file=self.fd)
            self.armed_at = now

    def stop(self) -> None:
        if self.armed_at is not None:
            faulthandler.cancel_dump_traceback_later()
            self.armed_at = None

    def pause(self) -> None:
        self.paused = self.armed_at is not None
        self.stop()

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            self.feed()

    def forget(self) -> None:
        """In a forked child: the parent's watchdog thread did not come along."""
        self.armed_at = None
        self.paused = False


_WATCHDOGS: list[Watchdog] = []


def _register_fork_hooks() -> None:
    """Once per process: `os.register_at_fork` hooks cannot be removed."""
    if _WATCHDOGS or not hasattr(os, "register_at_fork"):
        return

    def before() -> None:
        for watchdog in _WATCHDOGS:
            watchdog.pause()

    def after_in_parent() -> None:
        for watchdog in _WATCHDOGS:
            watchdog.resume()

    def after_in_child() -> None:
        for watchdog in _WATCHDOGS:
            watchdog.forget()

    os.register_at_fork(
        before=before, after_in_parent=after_in_parent, after_in_child=after_in_child
    )


def _trace_every_line(frame: FrameType | None, tracer: Any) -> None:
    """Make `tracer` run on every line of `frame`, its callers, and every frame started later."""
    while frame is not None:
        if not frame.f_code.co_filename.startswith(_OURS):
            frame.f_trace_lines = True
            frame.f_trace = tracer
        frame = frame.f_back
    sys.settrace(tracer)


class StepInterrupt(KeyboardInterrupt):
    """Raised inside a step that ran past its limit (see the module's docstring for why it is a
    KeyboardInterrupt); turned into `StepTimeLimit` once the step has unwound."""

    def __init__(self, late: float) -> None:
        super().__init__()
        self.late = late


class StepTimeLimit(BaseException):
    """The failure of a step that ran past its limit: `seconds` the limit, `late` how long the
    alarm waited for one call to return (0 for a loop of Python code)."""

    def __init__(self, seconds: float, late: float = 0.0) -> None:
        super().__init__(say("too-long", seconds=f"{seconds:g}"))
        self.seconds = seconds
        self.late = late

    @property
    def in_one_call(self) -> bool:
        return self.late >= LATE_SECONDS


def time_limit_of(config: pytest.Config) -> float:
    value = config.getoption("kata_time_limit") or config.getini("kata_time_limit")
    try:
        seconds = float(value)
    except ValueError:
        raise pytest.UsageError(say("not-a-number", value=repr(value))) from None
    if seconds < 0:
        raise pytest.UsageError(say("negative", value=repr(value)))
    return seconds


class TimeLimit:
    """The limit on each kata (or solution) step; `on_expiry` is told when one runs past it."""

    def __init__(
        self,
        config: pytest.Config,
        layout: Layout,
        seconds: float,
        on_expiry: Callable[[pytest.Item], None] | None = None,
    ) -> None:
        self.config = config
        self.layout = layout
        self.seconds = seconds
        self.on_expiry = on_expiry
        self.watchdog: Watchdog | None = None
        if seconds > 0 and not float(config.getini("faulthandler_timeout") or 0):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                # the terminal's stderr: during a step, fd 2 is pytest's capture file
                fd = os.dup((sys.__stderr__ or sys.stderr).fileno())
                self.watchdog = Watchdog(fd, seconds + HARD_STOP_AFTER)
                _register_fork_hooks()
                _WATCHDOGS.append(self.watchdog)

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self) -> None:
        """No hard stop while the run saves the progress and prints its report."""
        if self.watchdog is not None:
            self.watchdog.stop()

    def pytest_unconfigure(self) -> None:
        if self.watchdog is not None:
            self.watchdog.stop()
            _WATCHDOGS.remove(self.watchdog)
            with contextlib.suppress(OSError):
                os.close(self.watchdog.fd)
            self.watchdog = None

    def _can_limit(self, item: pytest.Item) -> bool:
        option = self.config.option
        return (
            self.seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and not getattr(option, "usepdb", False)
            and not getattr(option, "trace", False)
            and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
            and (self.layout.is_kata(item.path) or self.layout.is_solution(item.path))
        )

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, None, None]:
        if not self._can_limit(item):
            return (yield)
        seconds = self.seconds
        deadline = time.monotonic() + seconds
        active = True
        late: float | None = None
        """Set when the alarm first fires: how long past the limit it was served."""

        def insist(frame: FrameType, event: str, arg: object) -> object:
            if not active or frame.f_code.co_filename.startswith(_OURS):
                return None
            if event != "line":
                return insist  # raising here would switch tracing off (CPython's rule)
            raise StepInterrupt(late or 0.0)

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal late
            if not active:
                return
            if late is None:
                late = max(0.0, time.monotonic() - deadline)
                if self.on_expiry is not None:
                    self.on_expiry(item)
            else:  # it was swallowed: raise on every line from now on
                _trace_every_line(frame, insist)
            raise StepInterrupt(late)

        previous = signal.signal(signal.SIGALRM, stop)
        previous_trace = sys.gettrace()
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
        if self.watchdog is not None:
            self.watchdog.feed()
        try:
            result = yield
        except BaseException as error:
            if late is None:
                raise
            # whatever the step made of the interrupt, it ran past its limit
            raise StepTimeLimit(seconds, late).with_traceback(error.__traceback__) from None
        else:
            if late is not None:  # it caught the interrupt, then returned
                raise StepTimeLimit(seconds, late)
            return result
        finally:
            active = False
            if sys.gettrace() is not previous_trace:
                sys.settrace(previous_trace)
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
