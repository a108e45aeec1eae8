"""`pytest --watch katas/`: run the katas again each time one is saved, until Ctrl-C (or q).

Every run is an ordinary learner's run (`pytest katas/…`), so it prints what `pytest katas/` prints:
the progress per topic and the kata in focus. A save runs the saved kata, with the next kata that is
not solved yet (so that when the saved one passes, the next one is on the screen, failure and all);
a changed manifest, a module that is not a kata, the first run and Enter run every kata watched.
While watching, `h` + Enter shows the next hint of the kata in focus (as `pytest --hint` does, in
the same progress file) and `q` + Enter leaves.

Runs start fast: this process has pytest and the plugin imported already (and the modules katas
commonly use), and forks a fresh child for each run, which calls `pytest.main()` and leaves with
`os._exit()`. No module state survives a run, since each run is a new process; the katas are never
imported here. The file watcher (watchfiles) runs a thread, so it is left before each fork and
entered again after the run; a save made in between is found by comparing modification times.
The manifests are read here between runs, and a run takes that catalog rather than reading them
again, unless a manifest or the set of modules changed. Where `os.fork` does not exist (Windows),
each run is `python -m pytest` in a subprocess.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest
from _pytest.config import create_terminal_writer

from pytest_katas.catalog import Catalog, Kata
from pytest_katas.hints import show_hints, spend_hint
from pytest_katas.i18n import Messages
from pytest_katas.layout import Layout, user_paths
from pytest_katas.progress import Progress, ProgressStore

if TYPE_CHECKING:
    from watchfiles import PythonFilter

say = Messages(
    {
        "outside-repository": {
            "en": "pytest --watch needs a {folder}/ folder under {root}; run it from the kata "
            "repository",
            "zh": "pytest --watch 需要 {root} 下有 {folder}/ 文件夹；请在练习仓库里运行它",
        },
        "with-solution": {
            "en": "use --watch or --solution, not both at once: pytest --solution KATA_PATH shows "
            "a solution, pytest --watch {folder}/ runs the katas as you save them",
            "zh": "--watch 和 --solution 不能同时使用：pytest --solution 练习路径 显示参考答案，"
            "pytest --watch {folder}/ 在你保存时运行练习",
        },
        "not-a-kata-path": {
            "en": "pytest --watch runs katas, and {path} is not under {folder}/; give it {folder}/ "
            "or a path under it",
            "zh": "pytest --watch 只运行练习，而 {path} 不在 {folder}/ 下；请给它 {folder}/ "
            "或其下的路径",
        },
        "missing-path": {
            "en": "{path} does not exist; give pytest --watch {folder}/ or a path under it",
            "zh": "{path} 不存在；请给 pytest --watch {folder}/ 或其下的路径",
        },
        "nested": {
            "en": "--watch is set in addopts or PYTEST_ADDOPTS; remove it there, and type "
            "pytest --watch {folder}/ instead",
            "zh": "--watch 写在了 addopts 或 PYTEST_ADDOPTS 里；请从那里删掉它，改为输入 "
            "pytest --watch {folder}/",
        },
        "no-watchfiles": {
            "en": "pytest --watch needs the watchfiles package, which pytest-katas depends on; "
            "install it: python -m pip install watchfiles",
            "zh": "pytest --watch 需要 watchfiles 包（pytest-katas 依赖它）；请安装："
            "python -m pip install watchfiles",
        },
        "run-everything": {
            "en": "run {number}: every kata in {paths}",
            "zh": "第 {number} 次运行：{paths} 中的全部练习",
        },
        "run-everything-saved": {
            "en": "run {number}: every kata in {paths} ({saved} saved)",
            "zh": "第 {number} 次运行：{paths} 中的全部练习（{saved} 已保存）",
        },
        "run-saved": {
            "en": "run {number}: {saved} saved",
            "zh": "第 {number} 次运行：{saved} 已保存",
        },
        "run-saved-and-next": {
            "en": "run {number}: {saved} saved, with the next kata to solve, {next}",
            "zh": "第 {number} 次运行：{saved} 已保存，连同下一个待解的练习 {next}",
        },
        "keys": {
            "en": "Watching {paths}: save a kata to run it again · Enter: run every kata · "
            "h + Enter: next hint · q + Enter or Ctrl-C: leave",
            "zh": "正在监视 {paths}：保存练习即重新运行 · 回车：运行全部练习 · "
            "h + 回车：下一条提示 · q + 回车或 Ctrl-C：退出",
        },
        "unknown-key": {
            "en": "{typed!r} is not a key of pytest --watch: h + Enter gives a hint, q + Enter "
            "leaves, Enter alone runs every kata",
            "zh": "{typed!r} 不是 pytest --watch 的按键：h + 回车显示提示，q + 回车退出，"
            "只按回车运行全部练习",
        },
        "all-green": {
            "en": "All {count} katas are green: there is no hint left to give.",
            "zh": "全部 {count} 个练习都已通过：没有需要的提示了。",
        },
        "stopped": {
            "en": "Stopped watching; your progress is saved in {path}.",
            "zh": "已停止监视；你的进度保存在 {path}。",
        },
    }
)

DEBOUNCE_MS = 50
"""The longest a burst of file events is gathered before a run (watchfiles' default is 1,600)."""
QUIET_MS = 10
"""A burst ends when no event came for this long (an editor's save is one burst); it is also how
often the watcher looks for a line typed and for Ctrl-C."""
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
THREADS_GONE_SECONDS = 1.0
"""How long to wait for the file watcher's thread to end before forking."""


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
        self.known: dict[Path, tuple[int, int]] = {}
        self.runs = 0
        self.last_ran: set[str] = set()
        self.preloaded = False
        self.accept: Callable[[Path], bool] = lambda path: True

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
            typed = [_relative(layout.katas_dir, config.invocation_params.dir) + os.sep]
        return cls(config, layout, paths, typed)

    # The loop

    def watch(self, watch_filter: PythonFilter) -> int:
        from watchfiles import Change

        self.accept = lambda path: watch_filter(Change.modified, str(path))
        # pytest keeps stdin captured (on /dev/null) until a run starts: the keys need it back.
        capture = self.config.pluginmanager.getplugin("capturemanager")
        if capture is not None:
            capture.suspend_global_capture(in_=True)
        self.keys = KeyInput.of(sys.stdin)
        try:
            with _interrupts_raise():
                self.known = self.snapshot()
                status = self.run(Plan(None))
                if status == pytest.ExitCode.USAGE_ERROR:
                    return status  # the run said what is wrong, and every run would say it again
                self.loop(watch_filter)
        except KeyboardInterrupt:
            pass
        self.writer.line()
        self.writer.line(say("stopped", path=self.store.display), bold=True)
        return pytest.ExitCode.OK

    def loop(self, watch_filter: PythonFilter) -> None:
        show_keys = True
        reported: set[Path] = set()
        while True:
            # the files reported, and those saved while no watcher ran (during the last run)
            plan = self.plan(self.take_changes(reported))
            reported = set()
            if plan is not None:
                self.run(plan)
                show_keys = True
                continue
            if show_keys:
                self.writer.line(say("keys", paths=", ".join(self.typed)), bold=True)
                sys.stdout.flush()
                show_keys = False
            self.current_catalog()  # read it now, while the learner types
            event = self.wait(watch_filter)
            if isinstance(event, set):
                reported = event
                continue
            if event is None:
                continue
            key = event.strip().lower()
            if key == "q":
                return
            if key == "":
                self.take_changes()
                self.run(Plan(None))
            elif key == "h":
                self.hint()
            else:
                self.writer.line(say("unknown-key", typed=event.strip()), yellow=True)
            show_keys = True

    def wait(self, watch_filter: PythonFilter) -> set[Path] | str | None:
        """The next save (the paths changed; none: see what the modification times say), or the
        next line typed (None: stdin has closed)."""
        if self.keys.is_set():
            return self.keys.next_line()
        import watchfiles

        wakeup = _Wakeup(self)
        batches = watchfiles.watch(
            self.layout.katas_dir,
            watch_filter=watch_filter,
            debounce=DEBOUNCE_MS,
            step=QUIET_MS,
            stop_event=wakeup,
        )
        # Leaving the generator stops the watcher's thread: nothing may run beside a fork.
        with contextlib.closing(batches):
            for batch in batches:
                return {Path(path) for _, path in batch}
        return set() if wakeup.files_changed else self.keys.next_line()

    # What to run

    def snapshot(self) -> dict[Path, tuple[int, int]]:
        """Modification time and size of every file watched."""
        files: dict[Path, tuple[int, int]] = {}
        for folder, folders, names in os.walk(self.layout.katas_dir):
            folders[:] = [name for name in folders if self.accept(Path(folder, name, "x.py"))]
            for name in names:
                path = Path(folder, name)
                if self.accept(path):
                    with contextlib.suppress(OSError):
                        stat = path.stat()
                        files[path] = (stat.st_mtime_ns, stat.st_size)
        return files

    def take_changes(self, reported: Iterable[Path] = ()) -> set[Path]:
        """The files changed since the last look: those reported, and those whose modification
        time or size differs (a save made while no watcher ran)."""
        now = self.snapshot()
        changed = {path for path in reported if self.accept(path)}
        changed.update(
            path for path in now.keys() | self.known.keys() if now.get(path) != self.known.get(path)
        )
        self.known = now
        return changed

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
        progress = self.store.fold(catalog.katas).progress
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

    # Running

    def run(self, plan: Plan) -> int:
        self.runs += 1
        if plan.katas is None:
            targets = self.typed
            catalog = self.current_catalog()
            self.last_ran = {kata.id for kata in catalog.katas if self.watches(kata.path)}
            key = "run-everything-saved" if plan.saved else "run-everything"
        else:
            katas = [*plan.katas, *([plan.next_kata] if plan.next_kata else [])]
            base = self.config.invocation_params.dir
            targets = [_relative(kata.path, base) for kata in katas]
            self.last_ran = {kata.id for kata in katas}
            key = "run-saved-and-next" if plan.next_kata else "run-saved"
        header = say(
            key,
            number=self.runs,
            paths=", ".join(self.typed),
            saved=", ".join(plan.saved),
            next=plan.next_kata.display if plan.next_kata else "",
        )
        if sys.stdout.isatty():
            sys.stdout.write(CLEAR_SCREEN)
        else:
            self.writer.line()
        self.writer.sep("~", header, bold=True)
        self.current_catalog()  # read now, so that the forked run inherits it
        return self.spawn([*self.options, *targets])

    def current_catalog(self) -> Catalog:
        """The catalog (read again by `Catalog.load` only when a manifest or the set of modules
        changed; a forked run inherits it, so a save answers faster)."""
        return Catalog.load(self.layout.root, self.layout.katas_dir)

    def spawn(self, arguments: list[str]) -> int:
        """Run pytest with `arguments` in a fresh process: a fork of this one where possible."""
        _wait_for_other_threads()
        sys.stdout.flush()
        sys.stderr.flush()
        if not hasattr(os, "fork") or threading.active_count() > 1:
            return self.spawn_subprocess(arguments)
        pid = os.fork()
        if pid == 0:
            _run_in_child(arguments)  # pragma: no cover - the child leaves by os._exit
        try:
            self.preload()
            return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        except KeyboardInterrupt:
            # Ctrl-C in a terminal reaches the run too; a signal sent to this process alone does
            # not, so pass it on. The run takes only its first, and saves what it found out.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
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
        gc.collect()
        gc.freeze()  # leave the objects imported so far out of each run's collections

    # Hints

    def hint(self) -> None:
        catalog = Catalog.load(self.layout.root, self.layout.katas_dir)
        progress = self.store.fold(catalog.katas).progress
        kata = self.focus(catalog, progress)
        if kata is None:
            self.writer.line(say("all-green", count=len(catalog.katas)), green=True)
            return
        before = progress.record(kata.id).hints_used
        try:
            spend_hint(kata, progress)
        except pytest.UsageError as error:
            self.writer.line(f"! {error}", yellow=True)
            return
        loaded = self.store.fold(catalog.katas, change=lambda progress: spend_hint(kata, progress))
        show_hints(kata, loaded.progress, self.writer, before=before, watching=True)
        for warning in loaded.warnings:
            self.writer.line(f"! {warning}", yellow=True)

    def focus(self, catalog: Catalog, progress: Progress) -> Kata | None:
        """The kata in focus, as the last run's report chose it: the first unsolved kata that the
        run ran, else the first unsolved kata."""
        unsolved = [kata for kata in catalog.katas if not progress.status(kata).passed]
        ran = [kata for kata in unsolved if kata.id in self.last_ran]
        return ran[0] if ran else unsolved[0] if unsolved else None


class _Wakeup:
    """Stops the file watcher when a line is typed, or at once when a file changed between the
    last look and the watcher's start (which the watcher cannot see)."""

    def __init__(self, watcher: Watcher) -> None:
        self.watcher = watcher
        self.first = True
        self.files_changed = False

    def is_set(self) -> bool:
        if self.first:  # watchfiles asks first once its watches are in place
            self.first = False
            self.files_changed = self.watcher.snapshot() != self.watcher.known
            if self.files_changed:
                return True
        return self.watcher.keys.is_set()


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


def _run_in_child(arguments: list[str]) -> NoReturn:  # pragma: no cover - in the forked child
    status = int(pytest.ExitCode.INTERNAL_ERROR)
    try:
        _take_one_interrupt()
        status = int(pytest.main(arguments))
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


def _wait_for_other_threads() -> None:
    """Wait (briefly) until this process runs one thread: the file watcher's takes a moment to
    end after the watcher is left."""
    deadline = time.monotonic() + THREADS_GONE_SECONDS
    while _thread_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.002)


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


def _relative(path: Path, base: Path) -> str:
    try:
        return os.path.relpath(path, base)
    except ValueError:  # pragma: no cover - another drive, on Windows
        return str(path)
