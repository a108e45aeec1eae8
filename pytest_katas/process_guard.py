"""Whatever a kata's code does to the process, the run goes on to its report and an exit status.

Learner code is treated as hostile. Around each step (and each kata module's import) this guard
puts back what the code may have damaged, and it stops what would keep the run from ending:

- **builtins** deleted or replaced (`del builtins.len`) are restored from a snapshot;
- **standard streams**: the code sees streams whose `close()` only closes them for itself, and a
  closed file descriptor 1 or 2 is reopened, so pytest can still print;
- **the working directory, the trace and profile functions, the recursion limit, gc**, and the
  SIGINT/SIGTERM handlers are put back;
- **a fork**: the child process ends as soon as its step returns, so one run prints one report;
- **SIGTERM** (a closed terminal, an IDE's stop button) is handled like Ctrl-C: the report, then
  exit; a second SIGTERM ends the run at once (every finished step is already in the journal);
- **a thread that never ends**: once the report is printed, the run says which kata started it and
  exits without waiting for it (Python would otherwise wait forever at exit).

`sys.exit()` in a step is a failure of that step (pytest's own rule); in a kata module's top level
it makes the kata fail to import (see `learner.KataModule`).
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import gc
import inspect
import os
import signal
import sys
import threading
from collections.abc import Generator, Iterator
from types import FrameType
from typing import Any, TextIO

import pytest

from pytest_katas.i18n import N_, Messages

say = Messages(
    {
        "thread-left": N_(
            "a thread started by {path} is still running; the run ends without waiting "
            "for it (start threads with daemon=True, or join them before the step returns)"
        ),
        "terminated": N_("stopped by SIGTERM: every step finished so far is saved"),
    }
)

STREAMS = ("stdin", "stdout", "stderr")
THREAD_GRACE_SECONDS = 1.0


class _GuardedStream:
    """A standard stream as a kata's code sees it: closing it closes it for that code only."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._closed = False

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._stream.flush()
        self._closed = True

    @property
    def closed(self) -> bool:
        return self._closed or self._stream.closed

    def _check(self) -> None:
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def write(self, text: str) -> int:
        self._check()
        return self._stream.write(text)

    def read(self, size: int = -1) -> str:
        self._check()
        return self._stream.read(size)

    def readline(self, size: int = -1) -> str:
        self._check()
        return self._stream.readline(size)

    def flush(self) -> None:
        self._check()
        self._stream.flush()

    def __iter__(self) -> Iterator[str]:
        self._check()
        return iter(self._stream)

    def __enter__(self) -> _GuardedStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Snapshot:
    """What a step's code may damage, taken before it runs and put back after."""

    def __init__(self, fds: dict[int, int]) -> None:
        self.builtins = dict(vars(builtins))
        self.streams = {name: getattr(sys, name) for name in STREAMS}
        self.fds = fds
        """fd 1 and 2 → copies of them made when the run started (the terminal)."""
        try:
            self.cwd: str | None = os.getcwd()
        except OSError:
            self.cwd = None
        self.trace = sys.gettrace()
        self.profile = sys.getprofile()
        self.recursion_limit = sys.getrecursionlimit()
        self.gc_enabled = gc.isenabled()
        self.threads = set(threading.enumerate())

    def guard_streams(self) -> None:
        for name, stream in self.streams.items():
            if stream is not None:
                setattr(sys, name, _GuardedStream(stream))

    def restore(self) -> None:
        names = vars(builtins)
        for name in set(names) - set(self.builtins):
            del names[name]
        names.update(self.builtins)
        for name, stream in self.streams.items():
            setattr(sys, name, stream)
        for fd, saved in self.fds.items():
            try:
                os.fstat(fd)
            except OSError:  # closed by the step: pytest and the report still print there
                with contextlib.suppress(OSError):
                    os.dup2(saved, fd)
        if self.cwd is not None and _cwd() != self.cwd:
            with contextlib.suppress(OSError):
                os.chdir(self.cwd)
        if sys.gettrace() is not self.trace:
            sys.settrace(self.trace)
        if sys.getprofile() is not self.profile:
            sys.setprofile(self.profile)
        sys.setrecursionlimit(self.recursion_limit)
        if self.gc_enabled and not gc.isenabled():
            gc.enable()

    def new_threads(self) -> list[threading.Thread]:
        return [
            thread
            for thread in threading.enumerate()
            if thread not in self.threads and not thread.daemon and thread.is_alive()
        ]


def _cwd() -> str | None:
    try:
        return os.getcwd()
    except OSError:
        return None


class ProcessGuard:
    """Registered for a learner's run (and on each xdist worker of one)."""

    def __init__(self, config: pytest.Config, is_kata: Any, display: Any) -> None:
        self.config = config
        self.is_kata = is_kata
        self.display = display
        self.pid = os.getpid()
        self.threads: dict[threading.Thread, str] = {}
        """Non-daemon threads that outlived their step, and the kata that started them."""
        self.exitstatus: int = 0
        self.fds: dict[int, int] = {}
        for fd in (1, 2):
            with contextlib.suppress(OSError):
                self.fds[fd] = os.dup(fd)
        self.previous_sigterm: Any = None
        self.terminating = False

    # --- around each step and each kata import ---------------------------------------------

    @contextlib.contextmanager
    def guarding(self, path: Any) -> Iterator[None]:
        snapshot = _Snapshot(self.fds)
        snapshot.guard_streams()
        signals = {number: signal.getsignal(number) for number in _handled_signals()}
        try:
            yield
        finally:
            if os.getpid() != self.pid:
                os._exit(0)  # a child forked by the kata: its step is over, and so is it
            snapshot.restore()
            for number, handler in signals.items():
                if handler is not None and signal.getsignal(number) is not handler:
                    with contextlib.suppress(ValueError, OSError):
                        signal.signal(number, handler)
            for thread in snapshot.new_threads():
                self.threads.setdefault(thread, self.display(path))

    @pytest.hookimpl(tryfirst=True)
    def pytest_pyfunc_call(self, pyfuncitem: pytest.Function) -> bool | None:
        """Call a kata's step ourselves, so that what it damaged is put back before any of
        pytest's code runs again (pytest's own call checks the result with builtins)."""
        function = pyfuncitem.obj
        if not self.is_kata(pyfuncitem.path) or inspect.iscoroutinefunction(function):
            return None
        names = pyfuncitem._fixtureinfo.argnames
        arguments = {name: pyfuncitem.funcargs[name] for name in names}
        with self.guarding(pyfuncitem.path):
            function(**arguments)
        return True

    @pytest.hookimpl(wrapper=True)
    def pytest_make_collect_report(
        self, collector: pytest.Collector
    ) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
        if not isinstance(collector, pytest.Module) or not self.is_kata(collector.path):
            return (yield)
        with self.guarding(collector.path):
            return (yield)

    # --- SIGTERM -----------------------------------------------------------------------------

    def install_sigterm(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        if signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None):
            return
        self.previous_sigterm = signal.signal(signal.SIGTERM, self._terminate)

    def _terminate(self, signum: int, frame: FrameType | None) -> None:
        if self.terminating or os.getpid() != self.pid:
            # a second SIGTERM, or the first one swallowed: every finished step is saved already
            _flush()
            os._exit(128 + signum)
        self.terminating = True
        raise KeyboardInterrupt(say("terminated"))

    # --- the end -----------------------------------------------------------------------------

    def pytest_sessionfinish(self, exitstatus: int) -> None:
        self.exitstatus = int(exitstatus)

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config: pytest.Config) -> None:
        for saved in self.fds.values():
            with contextlib.suppress(OSError):
                os.close(saved)
        self.fds = {}
        if self.previous_sigterm is not None:
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signal.SIGTERM, self.previous_sigterm)
        left = [thread for thread in self.threads if thread.is_alive()]
        for thread in left:
            thread.join(THREAD_GRACE_SECONDS / len(left))
        left = [thread for thread in left if thread.is_alive()]
        if not left or os.getpid() != self.pid:
            return
        writer = config.get_terminal_writer()
        for path in dict.fromkeys(self.threads[thread] for thread in left):
            writer.line(f"! {say('thread-left', path=path)}", yellow=True)
        # Python waits for every non-daemon thread before it exits: end without waiting, after
        # what exit would run (coverage's data, other plugins' atexit handlers)
        atexit._run_exitfuncs()
        _flush()
        os._exit(self.exitstatus)


def _handled_signals() -> tuple[int, ...]:
    return (signal.SIGINT, signal.SIGTERM)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
