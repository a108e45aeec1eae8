"""A time limit on every kata step, so that a learner's endless loop ends with advice, not a hang.

It uses the interval timer (SIGALRM), which interrupts a loop of Python code between two bytecodes
and a blocking wait of the event loop alike. Where there is no such timer (Windows) or it is not
ours to take (another plugin uses it, a debugger is on, not the main thread), steps run unlimited.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Generator
from types import FrameType

import pytest

from pytest_katas.i18n import Messages
from pytest_katas.layout import Layout

say = Messages(
    {
        "too-long": {
            "en": "the step did not finish within {seconds} s",
            "zh": "这一步没能在 {seconds} 秒内结束",
        },
        "not-a-number": {
            "en": "kata_time_limit must be a number of seconds (0 for none), not {value}",
            "zh": "kata_time_limit 必须是秒数（0 表示不限时），而不是 {value}",
        },
        "negative": {
            "en": "kata_time_limit must be 0 or more seconds, not {value}",
            "zh": "kata_time_limit 必须是 0 或更多秒，而不是 {value}",
        },
    }
)

DEFAULT_SECONDS = 5.0


class StepTimeLimit(BaseException):
    """Raised inside a step that ran past its limit (a BaseException, so `except Exception` in the
    learner's code cannot swallow it)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(say("too-long", seconds=f"{seconds:g}"))
        self.seconds = seconds


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
    def __init__(self, config: pytest.Config, layout: Layout, seconds: float) -> None:
        self.config = config
        self.layout = layout
        self.seconds = seconds

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

        def stop(signum: int, frame: FrameType | None) -> None:
            raise StepTimeLimit(seconds)

        previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return (yield)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
