"""The state file: where the learner's progress is kept, and how it is read and saved safely.

The progress lives in a file of its own at the root of the kata tree, `katas-progress.json` (the
`katas_progress_file` setting), not in `.pytest_cache`: pytest and its users treat that cache as
throw-away (`--cache-clear`). The file is plain JSON with sorted keys, so it is safe to keep in git.

Safety, in the order things can go wrong:

- **Several runs at once** (an editor's runner and a terminal, watch mode and a manual run): every
  write takes a cross-process lock (`filelock`) around read, merge and atomic replace, and the merge
  is a union, so a kata passed in any run stays passed and hints used never go down.
- **A run that dies** (SIGKILL, `os._exit`, a crash): step results are appended to the run's own
  journal (`journal.py`) as they finish, and folded into the state file by the next run, which
  also says in one line where the dead run was.
- **Bad bytes**: a state file that is not UTF-8 JSON of the expected shape is set aside (renamed,
  never deleted) and progress starts afresh; an entry that does not make sense is dropped alone.
- **A read-only tree**: nothing can be saved; the run goes on with what it read and says so once.
- **The old place**: progress found in `.pytest_cache/d/katas/progress.json` (before 0.2) is merged
  in once and that file removed, with a line saying so.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import filelock
import pytest

from pytest_katas.atomic import write_text_atomically
from pytest_katas.catalog import Kata, display_path
from pytest_katas.i18n import N_, Messages
from pytest_katas.progress import journal
from pytest_katas.progress.records import STATE_SCHEMA, KataRecord, Progress

say = Messages(
    {
        "unreadable": N_(
            "{path} could not be read ({error}); progress from this run will be saved when "
            "the file is readable again"
        ),
        "not-json": N_("is not valid JSON ({error})"),
        "not-utf8": N_("is not UTF-8 text"),
        "wrong-schema": N_("is not a schema-{schema} progress file"),
        "no-katas": N_('has no "katas" table'),
        "dropped": N_(
            "{path}: the entries for {ids} did not make sense and were reset; every other "
            "kata keeps its progress"
        ),
        "set-aside": N_(
            "{path} {what}; it was kept as {backup} and progress starts afresh from this run"
        ),
        "starts-afresh": N_("{path} {what}; progress starts afresh from this run"),
        "not-written": N_(
            "progress could not be saved in {path} ({error}); it is kept as it was, and "
            "this run's results will count once the folder is writable again and you rerun"
        ),
        "locked": N_("another pytest run held the lock for {seconds:g} s"),
        "moved": N_(
            "your progress moved from {old} to {new} (a file of its own, safe from --cache-clear)"
        ),
        "interrupted": N_(
            "the last run ended abruptly in {path} ({step}); code that calls os._exit(), "
            "kills its own process, crashes the interpreter, or spends longer than the time "
            "limit inside one call into C does that. Its earlier results are saved"
        ),
        "interrupted-time-limit": N_(
            "the last run was stopped in {path} ({step}): it ran past the time limit and "
            "did not stop when asked (an endless loop that catches every exception, or a long "
            "call into C code). Its earlier results are saved"
        ),
    }
)

PROGRESS_FILE = "katas-progress.json"
"""The default name of the state file, at the root of the kata tree."""
LEGACY_FILE = Path("d", "katas", "progress.json")
"""Where 0.1 kept the progress, inside pytest's cache folder."""
LOCK_SECONDS = 10.0


@dataclass
class Loaded:
    """The progress as read (and, where possible, saved), with one line per thing to tell."""

    progress: Progress
    warnings: list[str] = field(default_factory=list)
    first_passes: list[Kata] = field(default_factory=list)


class ProgressStore:
    """Reads and writes the state file `path`, its journal and its lock beside it."""

    def __init__(self, path: Path, display: str, legacy: Path | None = None) -> None:
        self.path = path
        self.display = display
        """The file as the learner can find it (relative to the root)."""
        self.journal = journal.Journal(path.with_name(f".{path.name}.journal"))
        self.lock = filelock.FileLock(path.with_name(f".{path.name}.lock"), timeout=LOCK_SECONDS)
        self.legacy = legacy
        self.not_saved: str | None = None
        """Why saving failed, once it has: said once per run."""

    @classmethod
    def for_config(cls, config: pytest.Config, root: Path) -> ProgressStore:
        """The store of the kata tree at `root`, as the run's settings name it."""
        name = str(config.getini("katas_progress_file") or PROGRESS_FILE)
        path = (root / os.path.expanduser(name)).resolve()
        legacy = None
        if not config.pluginmanager.is_blocked("cacheprovider"):
            cache_dir = os.path.expanduser(os.path.expandvars(str(config.getini("cache_dir"))))
            legacy = Path(config.rootpath, cache_dir, LEGACY_FILE)
        return cls(path, display_path(path, root), legacy)

    # --- reading -------------------------------------------------------------------------

    def _read_state(self) -> tuple[Progress, list[str], str | None]:
        """The state file's progress, warnings, and why it must be set aside (None if not)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Progress(), [], None
        except OSError as error:
            return Progress(), [say("unreadable", path=self.display, error=error.strerror)], None
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            return Progress(), [], say("not-utf8")
        except ValueError as error:
            return Progress(), [], say("not-json", error=error)
        if not isinstance(data, dict) or data.get("schema") != STATE_SCHEMA:
            return Progress(), [], say("wrong-schema", schema=STATE_SCHEMA)
        if not isinstance(data.get("katas"), dict):
            return Progress(), [], say("no-katas")
        progress, dropped = _records(data["katas"])
        if isinstance(data.get("focus"), str):
            progress.focus = data["focus"]
        warnings = []
        if dropped:
            warnings.append(say("dropped", path=self.display, ids=", ".join(sorted(dropped))))
        return progress, warnings, None

    def _read_legacy(self) -> Progress | None:
        if self.legacy is None or self.legacy == self.path:
            return None
        try:
            data = json.loads(self.legacy.read_bytes().decode("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("katas"), dict):
            return None
        return _records(data["katas"])[0]

    # --- the one way in ------------------------------------------------------------------

    def fold(
        self,
        katas: Sequence[Kata],
        *,
        results: Mapping[str, Mapping[str, bool]] | None = None,
        change: Callable[[Progress], object] | None = None,
        ending: bool = False,
        save: bool = True,
    ) -> Loaded:
        """The progress: the state file with the journal, the old cache file, this run's
        `results` and `change` taken in, saved under the lock when anything changed. `ending`:
        this run is over, so its own journal lines go; `save=False` only reads. When nothing
        can be saved (a read-only tree, a lock held too long) the merged progress is still
        returned, with one warning."""
        # Read first without the lock, to see whether anything needs saving, unless something
        # surely does (this run's results, a change): then only under the lock.
        first = (
            None
            if save and (results or change is not None)
            else self._gather(katas, results, change, ending)
        )
        if first is not None and (not save or not first.needs_saving):
            return first.loaded
        try:
            with self.lock:
                gathered = self._gather(katas, results, change, ending)
                self._save(gathered)
                return gathered.loaded
        except (OSError, filelock.Timeout) as error:
            if first is None:
                first = self._gather(katas, results, change, ending)
            self._warn_not_saved(first.loaded.warnings, _why_not_saved(error))
            return first.loaded

    def append(self, line: dict[str, Any]) -> list[str]:
        """Add a line to this run's journal; one warning the first time it fails."""
        if self.not_saved is not None:
            return []
        try:
            self.journal.append(line)
        except OSError as error:
            warnings: list[str] = []
            reason = _why_not_saved(error)
            self._warn_not_saved(warnings, reason)
            return warnings
        return []

    def _warn_not_saved(self, warnings: list[str], reason: str) -> None:
        if self.not_saved is None:
            self.not_saved = reason
            warnings.append(say("not-written", path=self.display, error=reason))

    # --- inside ----------------------------------------------------------------------------

    def _gather(
        self,
        katas: Sequence[Kata],
        results: Mapping[str, Mapping[str, bool]] | None,
        change: Callable[[Progress], object] | None,
        ending: bool,
    ) -> _Gathered:
        progress, warnings, broken = self._read_state()
        legacy = self._read_legacy()
        if legacy is not None:
            progress.union(legacy)
            assert self.legacy is not None
            warnings.append(say("moved", old=self.legacy, new=self.display))
        this_run = journal.current_run()
        by_id = {kata.id: kata for kata in katas}
        unlocked_before = {kata_id for kata_id, r in progress.katas.items() if r.first_passed}
        runs = self.journal.runs()
        finished = []
        for path, lines in runs:
            progress.merge(katas, journal.step_results(lines))
            run = journal.run_of(lines, path)
            if run == this_run:
                if ending:
                    finished.append(path)
            elif not journal.is_alive(run):
                finished.append(path)
                stopped = journal.where_it_stopped(lines)
                if stopped is not None:
                    kata = by_id.get(stopped.kata_id)
                    key = "interrupted-time-limit" if stopped.timed_out else "interrupted"
                    where = kata.display if kata else stopped.kata_id
                    warnings.append(say(key, path=where, step=stopped.step))
        if results:
            progress.merge(katas, results)
        if change is not None:
            change(progress)
        first_passes = [
            kata
            for kata in katas
            if kata.id not in unlocked_before
            and progress.katas.get(kata.id, KataRecord()).first_passed is not None
            and (results is None or kata.id in results)
        ]
        return _Gathered(
            loaded=Loaded(progress, warnings, first_passes),
            broken=broken,
            legacy=legacy is not None,
            journals=len(runs),
            finished=finished,
            changed=bool(results) or change is not None,
        )

    def _save(self, gathered: _Gathered) -> None:
        """Write what `gathered` holds; the caller holds the lock. Raises OSError."""
        if gathered.broken is not None:
            gathered.loaded.warnings.append(self._set_aside(gathered.broken))
        _write_atomically(self.path, gathered.loaded.progress.to_json())
        for path in gathered.finished:
            if path == self.journal.path:
                self.journal.close()
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self.journal.folder.rmdir()  # only when no run's journal is left
        if gathered.legacy and self.legacy is not None:
            self.legacy.unlink(missing_ok=True)

    def _set_aside(self, what: str) -> str:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        backup = self.path.with_name(f"{self.path.stem}.broken-{stamp}.json")
        number = 1
        while backup.exists():  # one set aside in the same second: keep it too (we hold the lock)
            number += 1
            backup = self.path.with_name(f"{self.path.stem}.broken-{stamp}-{number}.json")
        try:
            os.replace(self.path, backup)
        except OSError:
            return say("starts-afresh", path=self.display, what=what)
        return say("set-aside", path=self.display, what=what, backup=backup.name)


@dataclass
class _Gathered:
    loaded: Loaded
    broken: str | None
    legacy: bool
    journals: int
    """How many run journals were read (each run's results were taken in)."""
    finished: list[Path]
    """The journals of runs that are over: removed once their results are saved."""
    changed: bool

    @property
    def needs_saving(self) -> bool:
        return self.changed or self.broken is not None or self.legacy or self.journals > 0


def _why_not_saved(error: OSError | filelock.Timeout) -> str:
    if isinstance(error, filelock.Timeout):
        return say("locked", seconds=LOCK_SECONDS)
    return error.strerror or str(error)


def _records(katas: dict[Any, Any]) -> tuple[Progress, list[str]]:
    progress, dropped = Progress(), []
    for kata_id, entry in katas.items():
        record = KataRecord.from_json(entry)
        if record is None:
            dropped.append(str(kata_id))
        else:
            progress.katas[str(kata_id)] = record
    return progress, dropped


def _write_atomically(path: Path, data: dict[str, Any]) -> None:
    """Write `data` as JSON with sorted keys, atomically and readable by others as the umask
    allows (a teacher's tools may read it); see `atomic.write_text_atomically`. Raises OSError."""
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    write_text_atomically(path, text)
