"""Fixtures of the plugin's tests."""

from __future__ import annotations

import os
import sysconfig
from collections.abc import Callable, Iterator

import pytest

from pytest_katas import shell
from pytest_katas.i18n import set_language
from tests.kata_repo import KataRepo


@pytest.fixture(autouse=True, scope="session")
def this_environment_first_on_path() -> Iterator[None]:
    """Printed commands name pytest as the learner's shell starts this installation's (shell.py):
    `pytest` when PATH finds it. Put this environment's scripts first, as an activated
    environment (or nox) does, so the tests read `pytest --hint …` however the suite was
    started; tests/test_commands.py checks the full path printed when PATH finds another pytest.
    A fixture, not a line run when this file is imported: a learner's bare `pytest --hint` at
    the repository's root loads this file too (testpaths) and must see the PATH they have."""
    before = os.environ.get("PATH", "")
    os.environ["PATH"] = os.pathsep.join([sysconfig.get_path("scripts"), before])
    shell.pytest_command.cache_clear()
    shell.pytest_katas_command.cache_clear()
    yield
    os.environ["PATH"] = before
    shell.pytest_command.cache_clear()
    shell.pytest_katas_command.cache_clear()


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read English unless they choose otherwise, whatever the machine's locale."""
    monkeypatch.setenv("PYTEST_KATAS_LANG", "en")
    set_language("en")


@pytest.fixture(autouse=True)
def wide_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 200-column terminal unless a test chooses its width: a message is then one line, which
    the tests of what it says can find whole (tests/test_screen.py checks the fit at 60-120)."""
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def repo(pytester: pytest.Pytester) -> KataRepo:
    return KataRepo(pytester)


@pytest.fixture
def report_of() -> Callable[[pytest.RunResult], str]:
    """The learner's report: everything from its heading to pytest's closing line."""

    def report(result: pytest.RunResult) -> str:
        lines = result.outlines
        start = next(i for i, line in enumerate(lines) if "pytest-katas: your progress" in line)
        return "\n".join(lines[start:-1])

    return report
