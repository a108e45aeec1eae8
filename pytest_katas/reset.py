"""`pytest --reset KATA_OR_TOPIC`: put katas back as shipped, keeping the learner's copy beside.

The learner's file is first copied to `<name>.py.<UTC time>.bak` (not a test module, so never
collected), then the kata as recorded in `pytest_katas/shipped.json` is written in its place.
Progress is untouched: a kata once passed stays unlocked.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from _pytest._io import TerminalWriter

from pytest_katas.catalog import Kata
from pytest_katas.i18n import N_, Messages
from pytest_katas.layout import Layout, typed_path
from pytest_katas.shipped import shipped_at, shipped_source

say = Messages(
    {
        "reset": N_("{path} is back as shipped; your version is kept as {backup}"),
        "unchanged": N_("{path} is already as shipped"),
        "unknown": N_(
            "{path} is not a kata this version of pytest-katas shipped, so it has no "
            "shipped copy to restore"
        ),
        "put-back": N_("{path} is back as shipped (it was missing)"),
        "not-written": N_("{path} could not be restored ({error}); it was left as it was"),
    }
)


def reset_katas(
    katas: list[Kata], writer: TerminalWriter, config: pytest.Config
) -> pytest.ExitCode:
    """Restore each kata as shipped (see the module docstring), naming each as typed where
    pytest was started; the exit status is TESTS_FAILED when one could not be restored."""
    status = pytest.ExitCode.OK
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    for kata in katas:
        shown = typed_path(kata.path, config)
        shipped = shipped_source(kata)
        if shipped is None:
            writer.line(say("unknown", path=shown), yellow=True)
            status = pytest.ExitCode.TESTS_FAILED
            continue
        try:
            current = kata.path.read_bytes()
            if current == shipped.encode("utf-8"):
                writer.line(say("unchanged", path=shown))
                continue
            backup = kata.path.with_name(f"{kata.path.name}.{stamp}.bak")
            shutil.copy2(kata.path, backup)
            kata.path.write_text(shipped, encoding="utf-8")
        except OSError as error:
            writer.line(say("not-written", path=shown, error=error.strerror), red=True)
            status = pytest.ExitCode.TESTS_FAILED
            continue
        writer.line(say("reset", path=shown, backup=backup.name), green=True)
    return status


def put_back_missing(
    config: pytest.Config, layout: Layout, paths: list[Path], writer: TerminalWriter
) -> bool:
    """`pytest --reset PATH` for a kata file that is not there (the learner deleted it, so the
    catalog no longer lists it): write it as shipped. `paths`: where PATH may point (from where
    pytest was started, from the root). Whether one was put back; raises pytest.UsageError when
    it cannot be written."""
    for path in paths:
        shipped = None if path.exists() else shipped_at(layout.root, layout.katas_dir, path)
        if shipped is None:
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(shipped, encoding="utf-8")
        except OSError as error:
            shown = layout.display(path)
            raise pytest.UsageError(say("not-written", path=shown, error=error.strerror)) from None
        writer.line(say("put-back", path=typed_path(path, config)), green=True)
        return True
    return False
