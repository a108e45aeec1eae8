"""The run journals: each step's result appended as it finishes, so a run that dies keeps them.

Every learner run appends JSON lines to a journal file of its own, `<run>.jsonl` in the folder
`.katas-progress.json.journal/` beside the state file (JSON Lines):

- `{"run": …, "type": "enter", "kata": id, "step": name}` when a step starts;
- `{"run": …, "type": "time-limit", "kata": id, "step": name}` when its time limit fires;
- `{"run": …, "type": "step", "kata": id, "step": name, "passed": bool}` when it has finished.

Only its run writes a journal, so appending needs no lock: one `write` to a file descriptor kept
open (microseconds, where rewriting the whole state file costs milliseconds, and taking the
cross-process lock hundreds of microseconds). The journals are folded into the state file under
the lock (`store.ProgressStore.fold`) at the end of each run and at the start of the next: a
finished run's journal is then removed; a run that no longer exists ended abruptly, and its last
`enter` says where; a run still going keeps its journal, which is folded again later.

A run is named `host:pid:start`: the process id is read on every append, so a forked child (watch
mode runs a kata in one) writes a journal of its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_STARTS: dict[int, int] = {}
SUFFIX = ".jsonl"


def current_run() -> str:
    """This process's run name, `host:pid:start` (start in ns since the epoch)."""
    pid = os.getpid()
    start = _STARTS.setdefault(pid, time.time_ns())
    return f"{socket.gethostname()}:{pid}:{start}"


def is_alive(run: str) -> bool:
    """Whether the process of `run` still exists (runs of other hosts count as alive: they
    cannot be asked)."""
    host, _, rest = run.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return True
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but is not ours to signal
    return True


def _file_name(run: str) -> str:
    return run.replace(":", "_").replace("/", "_") + SUFFIX


@dataclass(frozen=True)
class Interruption:
    """Where a run that ended abruptly was: its last step started, and whether that step's time
    limit had fired (then the step did not stop when asked)."""

    kata_id: str
    step: str
    timed_out: bool


def entry(kind: str, kata_id: str, step: str, **more: Any) -> dict[str, Any]:
    """One journal line of this process's run."""
    return {"run": current_run(), "type": kind, "kata": kata_id, "step": step, **more}


class Journal:
    """This process's journal in `folder`, opened on the first append (and again in a child
    after a fork)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fd: int | None = None
        self._pid: int | None = None

    @property
    def path(self) -> Path:
        """This process's journal file (it exists once a line was appended)."""
        return self.folder / _file_name(current_run())

    def append(self, line: dict[str, Any]) -> None:
        """Append one line. Raises OSError."""
        if self._pid != os.getpid():
            self._fd = None  # a forked child writes a journal of its own
            self._pid = os.getpid()
        if self._fd is None:
            self.folder.mkdir(exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.write(self._fd, (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))

    def close(self) -> None:
        if self._fd is not None and self._pid == os.getpid():
            with contextlib.suppress(OSError):
                os.close(self._fd)
        self._fd = None

    def runs(self) -> list[tuple[Path, list[dict[str, Any]]]]:
        """Every run's journal and its well-formed lines, oldest run first (a line cut short by a
        killed process, or bad bytes, is skipped)."""
        try:
            files = [path for path in self.folder.iterdir() if path.name.endswith(SUFFIX)]
        except OSError:
            return []
        found = []
        for path in files:
            try:
                lines = _parse(path.read_bytes())
            except OSError:
                continue
            found.append((path, lines))
        return sorted(found, key=lambda pair: _start_of(pair[0].name))


def _start_of(name: str) -> int:
    start = name.removesuffix(SUFFIX).rpartition("_")[2]
    return int(start) if start.isdigit() else 0


def _parse(data: bytes) -> list[dict[str, Any]]:
    lines = []
    for raw in data.splitlines():
        try:
            line = json.loads(raw.decode("utf-8"))
        except ValueError:
            continue
        if (
            isinstance(line, dict)
            and isinstance(line.get("run"), str)
            and isinstance(line.get("kata"), str)
            and isinstance(line.get("step"), str)
        ):
            lines.append(line)
    return lines


def step_results(lines: Iterable[dict[str, Any]]) -> dict[str, dict[str, bool]]:
    """kata id → step → its newest result."""
    results: dict[str, dict[str, bool]] = {}
    for line in lines:
        if line.get("type") == "step" and isinstance(line.get("passed"), bool):
            results.setdefault(line["kata"], {})[line["step"]] = line["passed"]
    return results


def where_it_stopped(lines: Iterable[dict[str, Any]]) -> Interruption | None:
    """The step a run had started and not finished, if any (with whether its time limit had
    fired)."""
    open_step: dict[str, Any] | None = None
    timed_out = False
    for line in lines:
        kind = line.get("type")
        if kind == "enter":
            open_step, timed_out = line, False
        elif kind == "time-limit" and open_step is not None:
            timed_out = True
        elif (
            kind == "step"
            and open_step is not None
            and (open_step["kata"], open_step["step"]) == (line["kata"], line["step"])
        ):
            open_step = None
    if open_step is None:
        return None
    return Interruption(open_step["kata"], open_step["step"], timed_out)


def run_of(lines: list[dict[str, Any]], path: Path) -> str:
    """The run a journal belongs to."""
    if lines:
        return str(lines[0]["run"])
    return path.name.removesuffix(SUFFIX).replace("_", ":")
