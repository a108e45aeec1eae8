"""What the learner has earned, kata by kata: the progress model and how two records merge.

Everything is keyed by kata id, so a kata that a later release renames, moves or reorders keeps what
the learner did: which steps passed, how many hints were shown, and when it first passed (which is
what unlocks its solution).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from pytest_katas.catalog import Kata

STATE_SCHEMA = 1


def now() -> str:
    """The time now as the state file keeps it: ISO 8601, UTC, whole seconds."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class KataRecord:
    steps: dict[str, bool] = field(default_factory=dict)
    """The last result of each step, by step name."""
    hints_used: int = 0
    first_passed: str | None = None
    """When the kata first passed (ISO 8601, UTC): from then on its solution is unlocked."""
    revealed: bool = False
    """Whether the learner asked for its answers (`pytest --reveal`)."""
    changed: bool = False
    """Whether, when last run, it was changed outside its blanks (so its passes did not count)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "steps": self.steps,
            "hints_used": self.hints_used,
            "first_passed": self.first_passed,
            "revealed": self.revealed,
            "changed": self.changed,
        }

    @classmethod
    def from_json(cls, data: Any) -> KataRecord | None:
        """The record `data` holds, or None when it does not make sense."""
        if not isinstance(data, dict):
            return None
        steps, hints_used = data.get("steps", {}), data.get("hints_used", 0)
        first_passed = data.get("first_passed")
        if not isinstance(steps, dict) or not all(
            isinstance(name, str) and isinstance(passed, bool) for name, passed in steps.items()
        ):
            return None
        if not isinstance(hints_used, int) or isinstance(hints_used, bool) or hints_used < 0:
            return None
        if first_passed is not None and not isinstance(first_passed, str):
            return None
        revealed, changed = data.get("revealed", False), data.get("changed", False)
        if not isinstance(revealed, bool) or not isinstance(changed, bool):
            return None
        return cls(dict(steps), hints_used, first_passed, revealed, changed)

    def union(self, other: KataRecord) -> None:
        """Take in `other` so that nothing earned is lost: a step passed in either stays passed,
        hints used never go down, and the earlier first pass is kept."""
        for step, passed in other.steps.items():
            self.steps[step] = self.steps.get(step, False) or passed
        self.hints_used = max(self.hints_used, other.hints_used)
        passes = [when for when in (self.first_passed, other.first_passed) if when is not None]
        self.first_passed = min(passes) if passes else None
        self.revealed = self.revealed or other.revealed


@dataclass(frozen=True)
class KataStatus:
    passed_steps: int
    total_steps: int
    started: bool
    unlocked: bool

    @property
    def passed(self) -> bool:
        return self.total_steps > 0 and self.passed_steps == self.total_steps


@dataclass
class Progress:
    """Every kata's record, by kata id (the content of the state file)."""

    katas: dict[str, KataRecord] = field(default_factory=dict)
    focus: str | None = None
    """The kata in focus of the last learner run's report: what a bare `pytest --hint` means."""

    def record(self, kata_id: str) -> KataRecord:
        return self.katas.setdefault(kata_id, KataRecord())

    def status(self, kata: Kata) -> KataStatus:
        record = self.katas.get(kata.id, KataRecord())
        steps = kata.steps or tuple(record.steps)
        passed = sum(1 for step in steps if record.steps.get(step) is True)
        return KataStatus(passed, len(steps), bool(record.steps), record.first_passed is not None)

    def reveal(self, kata_id: str) -> None:
        """Record that the learner asked for the kata's answers (`pytest --reveal`)."""
        self.record(kata_id).revealed = True

    def mark_changed(self, changed: Mapping[str, bool]) -> None:
        """Record, for each kata id run, whether it was changed outside its blanks."""
        for kata_id, was_changed in changed.items():
            if was_changed or kata_id in self.katas:
                self.record(kata_id).changed = was_changed

    def union(self, other: Progress) -> None:
        """Take in another copy of the progress (see `KataRecord.union`)."""
        for kata_id, record in other.katas.items():
            self.record(kata_id).union(record)
        self.focus = self.focus or other.focus

    def merge(self, katas: Iterable[Kata], results: Mapping[str, Mapping[str, bool]]) -> list[Kata]:
        """Take in step results (kata id → step → passed, newest last); return the katas that
        passed for the first time. A step's newest result replaces the one kept; a kata once
        passed stays unlocked."""
        when = now()
        first_passes = []
        for kata in katas:
            if kata.id not in results:
                continue
            record = self.record(kata.id)
            record.steps.update(results[kata.id])
            if kata.steps:
                record.steps = {
                    step: record.steps[step] for step in kata.steps if step in record.steps
                }
            if record.first_passed is None and self.status(kata).passed:
                record.first_passed = when
                first_passes.append(kata)
        return first_passes

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "schema": STATE_SCHEMA,
            "katas": {kata_id: record.to_json() for kata_id, record in sorted(self.katas.items())},
        }
        if self.focus is not None:
            data["focus"] = self.focus
        return data
