"""`pytest --watch katas/`: run the katas again each time one is saved, until Ctrl-C (or q).

Every run is an ordinary learner's run (`pytest katas/…`), so it prints what `pytest katas/` prints:
the progress per topic and the kata in focus. A save runs the saved kata, with the next kata that is
not solved yet (so that when the saved one passes, the next one is on the screen, failure and all);
a changed manifest, a module that is not a kata, the first run and Enter run every kata watched.
While watching, `h` + Enter shows the next hint of the kata in focus (as `pytest --hint` does, in
the same progress file) and `q` + Enter leaves.

**No save is missed.** Whether a file changed is decided by its fingerprint (modification time,
size, and for a file modified in the last few seconds a hash of its content), taken as each run
starts and compared when the run ends and at every wake-up: a save made during a run, or just after
it, is found whatever a file watcher reported. The hash is there because a time and a size alone
can stay the same across a save: file systems keep times to a tick (from a nanosecond to two
seconds), and an edit such as `1` to `2` keeps the size. Wake-ups come from the file system's
events, gathered by watchfiles in a helper process, and every half second in case events are lost.
Where watchfiles would poll instead (`WATCHFILES_FORCE_POLLING`, WSL) no watcher runs, since its
polling compares modification times in whole seconds and misses a save made within a second of the
one before: the fingerprints are compared on a timer instead, often enough to answer fast, rarely
enough that looking takes under a twentieth of a core.

**Runs start fast.** This process has pytest and the plugin imported already (and the modules katas
commonly use), and forks a fresh child for each run, which calls `pytest.main()` and leaves with
`os._exit()`. No module state survives a run, since each run is a new process; the katas are never
imported here. Most of what is left of pytest's start (reading its command line, plugins, ini file
and conftest files; configuring every plugin; finding the fixtures) is done before the save: after
each run a child is forked for the run that the next save most likely asks for (of the kata in
focus, with the next to solve), and waits at a gate at the start of its session, before it prints
anything; the save opens the gate. A save that asks for another run, or a change to what that
child has read (a conftest.py or a module that katas import, a manifest, the ini file, the progress
when a hint is spent), drops it for a fresh fork. The manifests are read here between runs, and a
run takes that catalog rather than reading them again, unless a manifest or the set of modules
changed.

**No thread runs beside a fork.** The file watcher's thread lives in the helper process, forked
before any run, and stays the whole watch: a child forked beside a thread may inherit a lock that
thread held and wait on it forever (which is why Python 3.12 warns about such forks), and a watcher
stopped before each fork and started after it sees nothing in between. Where `os.fork` does not
exist (Windows), each run is `python -m pytest` in a subprocess, and the file watcher a thread.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gc
import hashlib
import importlib
import io
import os
import queue
import select
import signal
import socket
import subprocess
import sys
import sysconfig
import threading
import time
import tokenize
import traceback
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest
from _pytest.config import create_terminal_writer

from pytest_katas.catalog import Catalog, Kata
from pytest_katas.hints import show_hints, spend_hint
from pytest_katas.i18n import N_, Messages
from pytest_katas.installed import installed
from pytest_katas.layout import Layout, typed_path, user_paths
from pytest_katas.progress import Progress, ProgressStore
from pytest_katas.report import kata_in_focus
from pytest_katas.screen import MINIMUM_WIDTH, paragraph, warning, width
from pytest_katas.workspace.record import workspace_record_at

if TYPE_CHECKING:
    from watchfiles import PythonFilter

say = Messages(
    {
        "outside-repository": N_(
            "{pytest} --watch needs a {folder}/ folder under {root}; run it from the kata "
            "repository"
        ),
        "with-solution": N_(
            "use --watch or --solution, not both at once: {pytest} --solution "
            "KATA_PATH shows a solution, {pytest} --watch {folder}/ runs the katas as you save "
            "them"
        ),
        "not-a-kata-path": N_(
            "{pytest} --watch runs katas, and {path} is not under {folder}/; give it "
            "{folder}/ or a path under it"
        ),
        "missing-path": N_(
            "{path} does not exist; give {pytest} --watch {folder}/ or a path under it"
        ),
        "nested": N_(
            "--watch is set in addopts or PYTEST_ADDOPTS; remove it there, and type "
            "{pytest} --watch {folder}/ instead"
        ),
        "no-watchfiles": N_(
            "{pytest} --watch needs the watchfiles package, which pytest-katas depends on; "
            "install it: python -m pip install watchfiles"
        ),
        "run-everything": N_("run {number}: every kata in {paths}"),
        "run-everything-saved": N_("run {number}: every kata in {paths} ({saved} saved)"),
        "run-saved": N_("run {number}: {saved} saved"),
        "run-saved-and-next": N_(
            "run {number}: {saved} saved, with the next kata to solve, {next}"
        ),
        "keys": N_(
            "Watching {paths}: save a kata to run it again · Enter: run every kata · "
            "h + Enter: next hint · q + Enter or Ctrl-C: leave"
        ),
        "unknown-key": N_(
            "{typed!r} is not a key of {pytest} --watch: h + Enter gives a hint, q + Enter "
            "leaves, Enter alone runs every kata"
        ),
        "all-green": N_("All {count} katas are green: there is no hint left to give."),
        "stopped": N_("Stopped watching; your progress is saved in {path}."),
    }
)

DEBOUNCE_MS = 50
"""The longest a burst of file events is gathered before a run (watchfiles' default is 1,600)."""
QUIET_MS = 5
"""A burst ends when no event came for this long (an editor's save is one burst); a file changed
is taken as saved once it has kept still this long."""
RECENT_NS = 3_000_000_000
"""A file modified less than this long ago (3 s) may be saved again within the same tick of its
modification time, with the same size: its content is hashed too."""
SAFETY_SECONDS = 0.5
"""How often the files are looked at when no event comes (events can be lost: a full event queue,
a network folder whose changes are made elsewhere)."""
POLL_SECONDS = 0.025
"""Polling: the shortest wait between two looks at the files…"""
POLL_SHARE = 20
"""…which is at least this many times as long as a look takes (under 5% of a core)."""
PRELOADED = (
    "ast",
    "asyncio",
    "concurrent.futures",
    "dis",
    "email.parser",
    "faulthandler",
    "inspect",
    "json",
    "pdb",
    "shutil",
    "subprocess",
    "sysconfig",
    "tempfile",
    "tokenize",
    "traceback",
    "types",
    "venv",
    "weakref",
)
"""Modules that katas commonly import, or that each pytest run would import, imported once here
so that no run pays for them."""
CLEAR_SCREEN = "\x1b[H\x1b[2J\x1b[3J"
NO_STANDBY_AFTER = (pytest.ExitCode.USAGE_ERROR, pytest.ExitCode.INTERNAL_ERROR)
"""A run that ended so may have failed while starting: a run started ahead would print the same
error while the learner types."""


def run_watch(config: pytest.Config) -> int:
    """Watch the katas of `config`'s paths and run them on every save, until Ctrl-C or q."""
    watcher = Watcher.for_config(config)
    try:
        import watchfiles
    except ImportError:
        raise pytest.UsageError(say("no-watchfiles")) from None
    return watcher.watch(watchfiles.PythonFilter(extra_extensions=(".toml",)))


@dataclass(frozen=True)
class Plan:
    """What one run runs: the katas saved (and the next to solve), or every kata watched."""

    katas: tuple[Kata, ...] | None
    """None: every kata watched."""
    saved: tuple[str, ...] = ()
    next_kata: Kata | None = None


class Watcher:
    """The watch: its files, the helper that reports their changes, and the runs."""

    def __init__(
        self, config: pytest.Config, layout: Layout, paths: list[Path], typed: list[str]
    ) -> None:
        self.config = config
        self.layout = layout
        self.paths = paths
        """The watched paths (resolved): a run never runs a kata outside them."""
        self.typed = typed
        """The same paths as the learner typed them: what a run of every kata is given."""
        self.options = _options_of(config)
        self.store = ProgressStore.for_config(config, layout.root)
        self.writer = create_terminal_writer(config, sys.stdout)
        self.keys = KeyInput(None)
        self.files = Files(layout.katas_dir, lambda path: True)
        self.known: dict[str, Fingerprint] = {}
        """Every file watched as the last run started (or as last looked at, since)."""
        self.events: Events | None = None
        """The helper reporting the file system's events; None: the files are polled."""
        self.poll_seconds: float | None = None
        """Polling: the wait between two looks that the learner set (`WATCHFILES_POLL_DELAY_MS`)."""
        self.forking = hasattr(os, "fork")
        self.standby: Standby | None = None
        self.catalog: Catalog | None = None
        self.folded: tuple[object, Catalog, Progress] | None = None
        self.runs = 0
        self.last_status: int = pytest.ExitCode.OK
        self.last_ran: set[str] = set()
        self.preloaded = False

    @classmethod
    def for_config(cls, config: pytest.Config) -> Watcher:
        folder = str(config.getini("katas_dir")).strip("/")
        if "--watch" not in config.invocation_params.args:
            # from addopts or PYTEST_ADDOPTS, which every run reads again: each would watch too
            raise pytest.UsageError(say("nested", folder=folder))
        layout = Layout.of(config)
        if layout is None:
            raise pytest.UsageError(say("outside-repository", folder=folder, root=config.rootpath))
        folder = layout.display(layout.katas_dir)
        if config.getoption("katas_solution"):
            raise pytest.UsageError(say("with-solution", folder=folder))
        paths = user_paths(config)
        for path in paths:
            if not layout.is_kata(path):
                raise pytest.UsageError(
                    say("not-a-kata-path", path=layout.display(path), folder=folder)
                )
            if not path.exists():
                raise pytest.UsageError(
                    say("missing-path", path=layout.display(path), folder=folder)
                )
        if paths:
            typed = list(config.args)
        else:
            paths = [layout.katas_dir]
            typed = [typed_path(layout.katas_dir, config) + os.sep]
        return cls(config, layout, paths, typed)

    # The loop

    def watch(self, watch_filter: PythonFilter) -> int:
        from watchfiles import Change

        self.files = Files(
            self.layout.katas_dir, lambda path: watch_filter(Change.modified, str(path))
        )
        # pytest keeps stdin captured (on /dev/null) until a run starts: the keys need it back.
        capture = self.config.pluginmanager.getplugin("capturemanager")
        if capture is not None:
            capture.suspend_global_capture(in_=True)
        self.keys = KeyInput.of(sys.stdin)
        # a thread here (another plugin's) would make every fork unsafe: then runs are subprocesses
        self.forking = hasattr(os, "fork") and _thread_count() == 1
        try:
            with _interrupts_raise():
                self.known = self.files.look({})[0]
                self.start_events(watch_filter)
                status = self.run(Plan(None))
                if status == pytest.ExitCode.USAGE_ERROR:
                    return status  # the run said what is wrong, and every run would say it again
                self.loop()
        except KeyboardInterrupt:
            pass
        finally:
            self.drop_standby()
            if self.events is not None:
                self.events.close()
        self.writer.line()
        paragraph(self.writer, say("stopped", path=self.store.display), bold=True)
        return pytest.ExitCode.OK

    def start_events(self, watch_filter: PythonFilter) -> None:
        """Start the helper reporting the file system's events, unless watchfiles would poll."""
        if _polls():
            delay = os.environ.get("WATCHFILES_POLL_DELAY_MS", "")
            self.poll_seconds = int(delay) / 1000 if delay.isdecimal() else None
            return
        self.events = Events(self.layout.katas_dir, watch_filter, in_process=not self.forking)

    def loop(self) -> None:
        show_keys = True
        while True:
            # saves since the last run started: during it, just after it, or reported by a wake-up
            plan = self.plan(self.take_changes())
            if plan is not None:
                self.run(plan)
                show_keys = True
                continue
            if show_keys:
                self.show_keys()
                sys.stdout.flush()
                show_keys = False
            self.start_standby()
            line = self.wait()
            if line is None:
                continue  # look at the files again
            key = line.strip().lower()
            if key == "q":
                return
            if key == "":
                self.take_changes()
                self.run(Plan(None))
            elif key == "h":
                self.hint()
            else:
                paragraph(self.writer, say("unknown-key", typed=line.strip()), yellow=True)
            show_keys = True

    def wait(self) -> str | None:
        """Wait until a line is typed (return it), or until it is time to look at the files again
        (return None): the file system reported a change, or no event came for a while."""
        if self.keys.is_set():
            return self.keys.next_line()
        timeout = SAFETY_SECONDS
        if self.events is None:
            timeout = self.poll_seconds or max(POLL_SECONDS, POLL_SHARE * self.files.took)
        waiting = [self.events.fileno()] if self.events is not None else []
        if self.keys.fd is not None:
            waiting.append(self.keys.fd)
        elif isinstance(self.keys, ThreadedKeyInput):  # pragma: no cover - Windows only
            timeout = min(timeout, 0.05)  # a thread reads the keys: look at its queue often
        if waiting:
            ready = select.select(waiting, [], [], timeout)[0]
        else:  # pragma: no cover - polling without a key input: nothing to wait on but time
            time.sleep(timeout)
            ready = []
        if self.events is not None and self.events.fileno() in ready and not self.events.drain():
            # the helper has stopped (its watcher failed, say out of inotify watches): poll
            self.events.close()
            self.events = None
        return self.keys.next_line() if self.keys.is_set() else None

    # What to run

    def take_changes(self) -> set[Path]:
        """The files changed since the last look (as the last run started, or since), once they
        keep still: a save still being written (an editor that empties the file, then writes it)
        is waited for, briefly."""
        before = self.known
        self.known, changed = self.files.look(before)
        deadline = time.monotonic() + DEBOUNCE_MS / 1000
        while changed and time.monotonic() < deadline:
            youngest = max(
                (self.known[path].mtime_ns for path in changed if path in self.known), default=0
            )
            still = (time.time_ns() - youngest) / 1e9  # how long they have kept still
            if still >= QUIET_MS / 1000:
                break
            time.sleep(QUIET_MS / 1000 - still)
            self.known, more = self.files.look(self.known)
            changed |= more
        if not changed:
            return set()
        if any(
            not path.endswith(".py") or path not in before or path not in self.known
            for path in changed
        ):
            self.catalog = None  # a manifest, a module added or removed: read the manifests again
        paths = {Path(path) for path in changed}
        if self.standby is not None:
            catalog = self.current_catalog()
            if any(catalog.kata_at(path) is None for path in paths):
                # a conftest.py, a module katas import: the run started ahead may have read it
                self.standby.spoiled = True
        return paths

    def watches(self, path: Path) -> bool:
        return any(path == watched or watched in path.parents for watched in self.paths)

    def plan(self, changed: set[Path]) -> Plan | None:
        if not changed:
            return None
        catalog = self.current_catalog()
        shown = tuple(sorted(self.layout.display(path) for path in changed))
        saved: list[Kata] = []
        for path in changed:
            kata = catalog.kata_at(path) if path.suffix == ".py" and path.is_file() else None
            if kata is None:
                # a manifest, a module that katas may import, a kata not listed yet, a deletion
                return Plan(None, shown)
            if self.watches(kata.path):
                saved.append(kata)
        if not saved:
            return None
        saved.sort(key=lambda kata: kata.order)
        progress = self.progress(catalog)
        last = saved[-1].order
        next_kata = next(
            (
                kata
                for kata in catalog.katas
                if kata.order > last
                and self.watches(kata.path)
                and not progress.status(kata).passed
            ),
            None,
        )
        return Plan(tuple(saved), tuple(kata.display for kata in saved), next_kata)

    def next_plan(self) -> Plan:
        """The run that the next save most likely asks for: of the kata in focus (the one the
        last run's report showed), else of every kata watched (what Enter runs)."""
        catalog = self.current_catalog()
        kata = self.focus(catalog, self.progress(catalog))
        if kata is not None and self.watches(kata.path):
            plan = self.plan({kata.path})
            if plan is not None:
                return plan
        return Plan(None)

    def progress(self, catalog: Catalog) -> Progress:
        """The progress, read again only when its files changed (a run, a hint, another pytest)."""
        stamp = self.progress_stamp()
        if self.folded is None or self.folded[0] != stamp or self.folded[1] is not catalog:
            progress = self.store.fold(catalog.katas).progress
            self.folded = (self.progress_stamp(), catalog, progress)  # after a save, if any
        return self.folded[2]

    def progress_stamp(self) -> object:
        return (_stat(self.store.path), _stat(self.store.journal.folder))

    # Running

    def arguments(self, plan: Plan) -> list[str]:
        """The command line of the run of `plan`."""
        if plan.katas is None:
            return [*self.options, *self.typed]
        katas = [*plan.katas, *([plan.next_kata] if plan.next_kata else [])]
        return [*self.options, *(typed_path(kata.path, self.config) for kata in katas)]

    def run(self, plan: Plan) -> int:
        self.runs += 1
        if plan.katas is None:
            catalog = self.current_catalog()
            self.last_ran = {kata.id for kata in catalog.katas if self.watches(kata.path)}
            key = "run-everything-saved" if plan.saved else "run-everything"
        else:
            katas = [*plan.katas, *([plan.next_kata] if plan.next_kata else [])]
            self.last_ran = {kata.id for kata in katas}
            key = "run-saved-and-next" if plan.next_kata else "run-saved"
        header = say(
            key,
            number=self.runs,
            paths=", ".join(self.typed),
            saved=", ".join(plan.saved),
            next=typed_path(plan.next_kata.path, self.config) if plan.next_kata else "",
        )
        if sys.stdout.isatty():
            sys.stdout.write(CLEAR_SCREEN)
        else:
            self.writer.line()
        if width(header) + 6 <= self.writer.fullwidth:
            self.writer.sep("~", header, bold=True)
        else:  # a rule, then the header wrapped: never wider than the terminal
            self.writer.sep("~", bold=True)
            paragraph(self.writer, header, bold=True)
        self.last_status = self.spawn(self.arguments(plan))
        return self.last_status

    def current_catalog(self) -> Catalog:
        """The catalog: asked of `Catalog.load` again (which reads the manifests again when one
        of them or the set of modules changed) unless every file changed since is a module saved;
        a forked run inherits it, so a save answers faster."""
        if self.catalog is None:
            self.catalog = Catalog.load(self.layout.root, self.layout.katas_dir)
        return self.catalog

    def spawn(self, arguments: list[str]) -> int:
        """Run pytest with `arguments` in a fresh process: the run started ahead if it has these
        arguments, else a fork of this one, else (no fork) a subprocess."""
        sys.stdout.flush()
        sys.stderr.flush()
        if not self.forking:
            return self.spawn_subprocess(arguments)
        pid: int | None = None
        try:
            with _interrupts_held():
                pid = self.open_standby(arguments)
                if pid is None:
                    pid = os.fork()
                    if pid == 0:  # pragma: no cover - the child leaves by os._exit
                        _run_in_child(arguments, None, self.inherited())
            self.preload()
            return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        except KeyboardInterrupt:
            # Ctrl-C in a terminal reaches the run too; a signal sent to this process alone does
            # not, so pass it on. The run takes only its first, and saves what it found out.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            if pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGINT)
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, 0)
            raise

    def spawn_subprocess(self, arguments: list[str]) -> int:
        process = subprocess.Popen(
            [sys.executable, "-m", "pytest", *arguments],
            cwd=self.config.invocation_params.dir,
        )
        try:
            self.preload()
            return process.wait()
        except KeyboardInterrupt:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            if os.name != "nt":  # on Windows, Ctrl-C reaches every process of the console
                process.send_signal(signal.SIGINT)
            process.wait()
            raise

    def inherited(self) -> list[int]:
        """The descriptors a run must not keep: the helper's socket."""
        return [self.events.fileno()] if self.events is not None else []

    def preload(self) -> None:
        """Import what katas commonly use, once, while the first run runs."""
        if self.preloaded:
            return
        self.preloaded = True
        for name in PRELOADED:
            with contextlib.suppress(ImportError):
                importlib.import_module(name)
        import inspect

        # inspect maps every module imported to its file the first time a failure's source is
        # shown; map them here once, rather than in every run
        inspect.getmodule(run_watch.__code__)
        warm_caches(self.config)
        gc.collect()
        gc.freeze()  # leave the objects imported so far out of each run's collections

    # The run started ahead

    def start_standby(self) -> None:
        """Fork the run that the next save most likely asks for, to start up to its gate."""
        if self.standby is not None and not self.standby_fits(self.standby.arguments):
            self.drop_standby()
        if self.standby is not None or not self.forking or self.last_status in NO_STANDBY_AFTER:
            return
        arguments = self.arguments(self.next_plan())
        gate, opener = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        with _interrupts_held():
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child leaves by os._exit
                os.close(opener)
                _run_in_child(arguments, gate, self.inherited())
            os.close(gate)
            self.standby = Standby(pid, opener, arguments, self.standby_stamp())

    def open_standby(self, arguments: list[str]) -> int | None:
        """The run started ahead, told to go, if it is the run of `arguments` and nothing it may
        have read changed since; else None (and it is dropped)."""
        standby = self.standby
        if standby is None:
            return None
        if self.standby_fits(arguments):
            try:
                os.write(standby.opener, b"g")
            except OSError:
                pass  # it has ended (it failed while starting): a fresh run says why
            else:
                os.close(standby.opener)
                self.standby = None
                return standby.pid
        self.drop_standby()
        return None

    def drop_standby(self) -> None:
        standby, self.standby = self.standby, None
        if standby is None:
            return
        with contextlib.suppress(OSError):
            os.close(standby.opener)
        with contextlib.suppress(ProcessLookupError):
            # it has printed nothing; what it saved as it was configured, it saved whole
            os.kill(standby.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(standby.pid, 0)

    def standby_fits(self, arguments: list[str]) -> bool:
        """Whether the run started ahead is the run of `arguments` as it would start now."""
        standby = self.standby
        return (
            standby is not None
            and standby.arguments == arguments
            and not standby.spoiled
            and standby.stamp == self.standby_stamp()
        )

    def standby_stamp(self) -> object:
        """What a run reads as it starts, besides the files watched: the progress (as the plugin
        is configured), the ini file, and a conftest.py at the root."""
        return (
            self.progress_stamp(),
            _stat(self.config.inipath),
            _stat(self.layout.root / "conftest.py"),
        )

    def show_keys(self) -> None:
        """The line of keys, broken only between two keys (at ` · `) where it is wider than the
        terminal, so that `h + Enter: next hint` stays whole."""
        columns = max(self.writer.fullwidth, MINIMUM_WIDTH)
        line = ""
        for part in say("keys", paths=", ".join(self.typed)).split(" · "):
            joined = f"{line} · {part}" if line else part
            if line and width(joined) > columns:
                paragraph(self.writer, line, bold=True)
                joined = part
            line = joined
        paragraph(self.writer, line, bold=True)

    # Hints

    def hint(self) -> None:
        self.catalog = None  # the hints are read from a manifest, which may have changed since
        catalog = self.current_catalog()
        progress = self.store.fold(catalog.katas).progress
        kata = self.focus(catalog, progress)
        if kata is None:
            paragraph(self.writer, say("all-green", count=len(catalog.katas)), green=True)
            return
        before = progress.record(kata.id).hints_used
        try:
            spend_hint(kata, progress)
        except pytest.UsageError as error:
            warning(self.writer, str(error))
            return
        loaded = self.store.fold(catalog.katas, change=lambda progress: spend_hint(kata, progress))
        typed = typed_path(kata.path, self.config)
        show_hints(kata, loaded.progress, self.writer, before=before, watching=True, typed=typed)
        for line in loaded.warnings:
            warning(self.writer, line)

    def focus(self, catalog: Catalog, progress: Progress) -> Kata | None:
        """The kata in focus, as the last run's report chose it (`report.kata_in_focus`)."""
        return kata_in_focus(catalog, progress, self.last_ran)


@dataclass
class Standby:
    """A run forked ahead of the save that it will run, waiting at its gate."""

    pid: int
    opener: int
    """The pipe's end that opens the gate (a byte), or drops the run (closed)."""
    arguments: list[str]
    stamp: object
    """`Watcher.standby_stamp()` when it was forked."""
    spoiled: bool = False
    """A file that it may have read changed since it was forked."""


class _Gate:  # pragma: no cover - in the run started ahead
    """Holds a run started ahead until the watcher opens the gate (a byte on the pipe); when the
    watcher drops the run instead (the pipe's end), it leaves unseen. The gate is at the start of
    the session: pytest has read its command line, every plugin is configured and the fixtures
    are found, and nothing is printed yet. A run whose configuration leaves traces outside the
    process (see `_starts_quietly`) waits earlier, before it is configured."""

    def __init__(self, fd: int) -> None:
        self.fd: int | None = fd

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_cmdline_main(
        self, config: pytest.Config
    ) -> Generator[None, int | pytest.ExitCode | None, int | pytest.ExitCode | None]:
        if not _starts_quietly(config):
            self.wait()
        return (yield)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionstart(self) -> None:
        # After pytest's own hooks (the fixtures are found by then), before those of the objects
        # registered as plugins are configured (the terminal's header, the learner's run, xdist's
        # workers): of the trylast hooks, the first registered is called first.
        self.wait()

    def wait(self) -> None:
        if self.fd is None:
            return
        gc.freeze()  # what is set up so far stays out of the run's garbage collections
        # not started yet, nothing to save: SIGTERM ends it at once (not as the run's Ctrl-C)
        terminate = signal.signal(signal.SIGTERM, signal.SIG_DFL)
        opened = os.read(self.fd, 1)
        os.close(self.fd)
        self.fd = None
        if not opened:
            os._exit(0)  # pragma: no cover - dropped: nothing was printed, nothing is saved
        if terminate is not None:
            signal.signal(signal.SIGTERM, terminate)
        _take_one_interrupt()


def warm_caches(config: pytest.Config) -> None:
    """Fill, once, the caches that every run would fill for itself (a forked run inherits
    them): tokenize's patterns, compiled at its first use (~20 ms; the plugin tokenizes a kata
    to find its blanks), sysconfig's variables, read at their first use (~10 ms; katas ask about
    the build), the compiled `norecursedirs` patterns that pytest matches each folder with, and
    the installed curriculum with its kata paths and digest (~50 ms: a workspace, which has no
    solutions/ folder, reads each kata's reference solution there) and the workspace's record."""
    list(tokenize.generate_tokens(io.StringIO("pass\n").readline))
    sysconfig.get_config_vars()
    for pattern in config.getini("norecursedirs"):
        fnmatch.fnmatch("", str(pattern))
    curriculum = installed()
    if curriculum is not None:
        _ = (curriculum.kata_paths, curriculum.digest)
    workspace_record_at(config.rootpath)


def _starts_quietly(config: pytest.Config) -> bool:
    """Whether configuring a run and starting its session leave nothing outside the process, so
    that they can be done ahead of the save: not with a JUnit XML file (whose times start with
    the session), a log file (emptied as the run is configured) or the terminal's progress bar
    (`-p terminalprogress`, shown from the session's start)."""
    return not (
        getattr(config.option, "xmlpath", None)
        or getattr(config.option, "log_file", None)
        or config.getini("log_file")
        or config.pluginmanager.has_plugin("terminalprogress")
    )


# The files


@dataclass(frozen=True)
class Fingerprint:
    """What a file held when looked at: enough to tell any save made since."""

    mtime_ns: int
    size: int
    digest: bytes | None = None
    """A hash of the content, while the file is too recently modified for its time to tell."""


class Files:
    """The files watched: those under `folder` that `accept` accepts."""

    def __init__(self, folder: Path, accept: Callable[[Path], bool]) -> None:
        self.folder = folder
        self.accept = accept
        self.accepted: dict[str, bool] = {}
        self.took = 0.0
        """How long the last look took, in seconds."""

    def accepts(self, path: str) -> bool:
        verdict = self.accepted.get(path)
        if verdict is None:
            verdict = self.accepted[path] = self.accept(Path(path))
        return verdict

    def look(self, before: Mapping[str, Fingerprint]) -> tuple[dict[str, Fingerprint], set[str]]:
        """Every file's fingerprint now, and the files changed (added, removed or saved) since
        `before`."""
        started = time.perf_counter()
        recent = time.time_ns() - RECENT_NS
        now: dict[str, Fingerprint] = {}
        changed: set[str] = set()
        folders = [str(self.folder)]
        while folders:
            with contextlib.suppress(OSError), os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        # a folder is accepted as the filter accepts a module in it
                        if self.accepts(os.path.join(entry.path, "x.py")):
                            folders.append(entry.path)
                        continue
                    if not self.accepts(entry.path):
                        continue
                    path = entry.path
                    try:
                        status = entry.stat()
                    except OSError:
                        continue
                    old = before.get(path)
                    if (
                        old is not None
                        and old.digest is None
                        and old.mtime_ns == status.st_mtime_ns
                        and old.size == status.st_size
                    ):
                        now[path] = old  # modified before it was last looked at: unchanged
                        continue
                    now[path], same = _compare(path, status, old, recent)
                    if not same:
                        changed.add(path)
        changed.update(before.keys() - now.keys())
        self.took = time.perf_counter() - started
        return now, changed


def _compare(
    path: str, status: os.stat_result, before: Fingerprint | None, recent: int
) -> tuple[Fingerprint, bool]:
    """The fingerprint of `path` (whose status is `status`), and whether the file is unchanged
    since `before` (a file whose time and size alone tell so, the caller has kept already)."""
    stamp = (status.st_mtime_ns, status.st_size)
    for _ in range(3):
        same_stamp = before is not None and (before.mtime_ns, before.size) == stamp
        fresh = stamp[0] > recent
        if not (fresh or same_stamp):
            return Fingerprint(*stamp), False
        digest = _digest(path)
        after = _stat(path)
        if after is None or after == stamp:
            break
        stamp = after  # saved while it was read: the hash may be the new content's, read again
    if not same_stamp or before is None:
        return Fingerprint(*stamp, digest if fresh else None), False
    if digest != before.digest:
        return Fingerprint(*stamp, digest), False  # saved within the same tick
    # too old now for a save to keep its time: the hash is no longer needed
    return Fingerprint(*stamp, digest if fresh else None), True


def _digest(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            return hashlib.blake2b(file.read(), digest_size=16).digest()
    except OSError:
        return b""  # gone, or not readable now: the next look tells


def _stat(path: str | Path | None) -> tuple[int, int] | None:
    """A file's modification time and size (None: there is none)."""
    try:
        status = os.stat(path) if path is not None else None
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size) if status is not None else None


def _polls() -> bool:
    """Whether watchfiles would poll here rather than take the file system's events."""
    import watchfiles.main

    decide = getattr(watchfiles.main, "_default_force_polling", None)
    if decide is not None:
        with contextlib.suppress(Exception):
            return bool(decide(None))
    setting = os.environ.get("WATCHFILES_FORCE_POLLING", "")  # pragma: no cover - old watchfiles
    return bool(setting) and setting.lower() not in ("false", "disable", "disabled")


class Events:
    """Wakes the watcher when the file system reports a change: watchfiles, in a helper process
    forked before any run (or a thread, where runs are subprocesses), sends a byte on a socket
    for each burst of changes. The helper stays the whole watch, so no event is lost to a restart;
    what changed is for the fingerprints to say."""

    def __init__(self, folder: Path, watch_filter: PythonFilter, *, in_process: bool) -> None:
        self.socket, far = socket.socketpair()
        self.stopped = threading.Event()
        self.pid: int | None = None
        if in_process:  # pragma: no cover - Windows only, where no run is forked
            threading.Thread(
                target=_report_changes,
                args=(folder, watch_filter, far, self.stopped.is_set),
                daemon=True,
            ).start()
        else:
            watcher = os.getpid()
            with _interrupts_held():
                self.pid = os.fork()
                if self.pid == 0:  # pragma: no cover - the helper leaves by os._exit
                    try:
                        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the watcher's
                        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
                        self.socket.close()
                        _report_changes(folder, watch_filter, far, lambda: os.getppid() != watcher)
                    finally:
                        os._exit(0)
            far.close()
        self.socket.setblocking(False)

    def fileno(self) -> int:
        return self.socket.fileno()

    def drain(self) -> bool:
        """Take what the helper sent; False when it has stopped."""
        try:
            while self.socket.recv(4096):
                pass
        except BlockingIOError:
            return True
        except OSError:  # pragma: no cover - a reset socket: the helper is gone
            return False
        return False

    def close(self) -> None:
        self.stopped.set()
        self.socket.close()
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)


class _Stop:  # pragma: no cover - in the helper process
    def __init__(self, stop: Callable[[], bool]) -> None:
        self.is_set = stop


def _report_changes(  # pragma: no cover - in the helper process
    folder: Path, watch_filter: PythonFilter, sink: socket.socket, stop: Callable[[], bool]
) -> None:
    """Send a byte on `sink` for each burst of changes that watchfiles reports, until `stop()`
    (or until the watcher fails, which the end of `sink` tells)."""
    import watchfiles

    with contextlib.suppress(Exception), sink:
        for _ in watchfiles.watch(
            folder,
            watch_filter=watch_filter,
            debounce=DEBOUNCE_MS,
            step=QUIET_MS,
            stop_event=_Stop(stop),
            force_polling=False,
            raise_interrupt=False,
        ):
            sink.send(b".")


# The keys


class KeyInput:
    """The lines the learner types, read without blocking and without a thread (a fork must not
    happen beside one)."""

    def __init__(self, fd: int | None) -> None:
        self.fd = fd
        self.lines: deque[str] = deque()
        self.partial = b""

    @classmethod
    def of(cls, stream: object) -> KeyInput:
        try:
            fd = stream.fileno()  # type: ignore[attr-defined]
        except (AttributeError, OSError, ValueError):
            return cls(None)
        if os.name == "nt":  # pragma: no cover - select() cannot wait on a Windows console
            return ThreadedKeyInput(stream)
        return cls(fd if isinstance(fd, int) else None)

    def readable(self) -> bool:
        if self.fd is None:
            return False
        try:
            return bool(select.select([self.fd], [], [], 0)[0])
        except (OSError, ValueError):
            self.fd = None
            return False

    def is_set(self) -> bool:
        return bool(self.lines) or self.readable()

    def next_line(self) -> str | None:
        """A line typed (without its end), or None when there is none after all."""
        if not self.lines and self.readable():
            assert self.fd is not None
            data = os.read(self.fd, 4096)
            if not data:  # end of input: no more keys, but the watching goes on
                self.fd = None
                data = b"\n" if self.partial else b""
            *complete, self.partial = (self.partial + data).split(b"\n")
            encoding = getattr(sys.stdin, "encoding", None) or "utf-8"
            self.lines.extend(line.decode(encoding, "replace").rstrip("\r") for line in complete)
        return self.lines.popleft() if self.lines else None


class ThreadedKeyInput(KeyInput):  # pragma: no cover - Windows only, where no run is forked
    def __init__(self, stream: object) -> None:
        super().__init__(None)
        self.queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self.read, args=(stream,), daemon=True).start()

    def read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.queue.put(str(line).rstrip("\r\n"))

    def is_set(self) -> bool:
        return not self.queue.empty()

    def next_line(self) -> str | None:
        try:
            return self.queue.get_nowait()
        except queue.Empty:
            return None


# The runs


def _run_in_child(  # pragma: no cover - in the forked child
    arguments: list[str], gate: int | None, inherited: Iterable[int]
) -> NoReturn:
    """Run pytest with `arguments` and leave; with a `gate`, wait there before running."""
    status = int(pytest.ExitCode.INTERNAL_ERROR)
    try:
        for fd in inherited:
            with contextlib.suppress(OSError):
                os.close(fd)
        if gate is None:
            _take_one_interrupt()
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            status = int(pytest.main(arguments))
        else:
            # not yet a run: Ctrl-C is for the watcher, which drops it
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            status = int(pytest.main(arguments, plugins=[_Gate(gate)]))
    except KeyboardInterrupt:
        status = int(pytest.ExitCode.INTERRUPTED)
    except BaseException:
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(status)


def _take_one_interrupt() -> None:  # pragma: no cover - in the forked child
    """Ctrl-C interrupts a run once; another (passed on by the watcher, or a second press) must
    not stop the run while it saves the progress it found."""
    interrupted = False

    def interrupt(signum: int, frame: object) -> None:
        __tracebackhide__ = True  # pytest names the line the run was at, not this one
        nonlocal interrupted
        if not interrupted:
            interrupted = True
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)


@contextlib.contextmanager
def _interrupts_raise() -> Iterator[None]:
    """Make Ctrl-C raise KeyboardInterrupt here, even where the shell started us ignoring it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C back while a process is forked (and a run's process recorded): arriving during
    the fork, it would be raised inside a handler that os.fork calls, which swallows it. A child
    starts with it held back too, and lets it in once it has decided what it does."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _thread_count() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _options_of(config: pytest.Config) -> list[str]:
    """The command line of each run: the learner's, without --watch, --hint (whose key is h
    while watching) and the paths (each run names its own)."""
    paths = Counter(config.args if config.args_source is pytest.Config.ArgsSource.ARGS else ())
    kept: list[str] = []
    for argument in reversed([str(argument) for argument in config.invocation_params.args]):
        if argument in ("--watch", "--hint"):
            continue
        if paths[argument]:
            paths[argument] -= 1
            continue
        kept.append(argument)
    return kept[::-1]
