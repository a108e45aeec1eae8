"""The run journal: each step's result appended as it finishes, so a run that dies keeps them.

A learner run appends one JSON line per event to a journal beside the state file (JSON Lines):

- `{"run": …, "type": "enter", "kata": id, "step": name}` when a step starts;
- `{"run": …, "type": "time-limit", "kata": id, "step": name}` when its time limit fires;
- `{"run": …, "type": "step", "kata": id, "step": name, "passed": bool}` when it has finished.

Appending a line costs microseconds where rewriting the whole state file costs milliseconds, so a
2,000-kata run can record every step. The journal is folded into the state file at the end of each
run and at the start of the next (`store.ProgressStore.fold`); a run that left `enter` lines and no
longer exists ended abruptly, and its last `enter` says where.

A run is named `host:pid:start`: the process id is read on every append, so a forked child (watch
mode runs a kata in one) writes as a run of its own.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_STARTS: dict[int, int] = {}


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


def append(path: Path, line: dict[str, Any]) -> None:
    """Append one line; the caller holds the store's lock. Raises OSError."""
    text = json.dumps(line, ensure_ascii=False) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)


def read(path: Path) -> list[dict[str, Any]]:
    """Every well-formed line (a line cut short by a killed process, or bad bytes, is skipped).
    Raises OSError other than FileNotFoundError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
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


def where_runs_are(lines: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each run that has a step started and not finished → the line that started it (with
    `timed_out` set when its time limit fired)."""
    open_steps: dict[str, dict[str, Any]] = {}
    for line in lines:
        run, kind = line["run"], line.get("type")
        if kind == "enter":
            open_steps[run] = dict(line, timed_out=False)
        elif kind == "time-limit" and run in open_steps:
            open_steps[run]["timed_out"] = True
        elif kind == "step" and run in open_steps:
            started = open_steps[run]
            if (started["kata"], started["step"]) == (line["kata"], line["step"]):
                del open_steps[run]
        elif kind == "end":
            open_steps.pop(run, None)
    return open_steps


def split_runs(
    lines: list[dict[str, Any]], this_run: str | None
) -> tuple[list[Interruption], list[dict[str, Any]]]:
    """The runs that ended abruptly, and the lines to keep: where each run still going is."""
    interruptions, kept = [], []
    for run, line in where_runs_are(lines).items():
        if run == this_run:
            continue
        if is_alive(run):
            kept.append({key: value for key, value in line.items() if key != "timed_out"})
            if line["timed_out"]:
                kept.append(dict(kept[-1], type="time-limit"))
        else:
            interruptions.append(Interruption(line["kata"], line["step"], line["timed_out"]))
    return interruptions, kept


def rewrite(path: Path, lines: list[dict[str, Any]]) -> None:
    """Replace the journal with `lines` (the caller holds the store's lock). Raises OSError."""
    if not lines:
        path.unlink(missing_ok=True)
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
