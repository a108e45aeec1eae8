"""CI checks every Python the README promises: a missing one fails the run where `CI` is set,
and is skipped (and named) on a contributor's machine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# a supported Python other than the one running the tests: nox would find the running one through
# `python3` on the PATH and run the whole suite again inside this test
MISSING = next(v for v in ("3.10", "3.13") if v != f"{sys.version_info[0]}.{sys.version_info[1]}")


def run_nox_without_a_python(tmp_path: Path, *, ci: bool) -> subprocess.CompletedProcess[str]:
    """`nox -s tests-MISSING` with a PATH on which only this Python is found (as `python3`)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys.executable)
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CI", "PYENV_VERSION", "VIRTUAL_ENV")
    }
    environment["PATH"] = str(bin_dir)
    if ci:
        environment["CI"] = "true"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "nox",
            "--noxfile",
            str(ROOT / "noxfile.py"),
            "--envdir",
            str(tmp_path / "envs"),
            "--force-venv-backend",
            "venv",
            "--session",
            f"tests-{MISSING}",
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_ci_fails_when_a_supported_python_is_missing(tmp_path: Path) -> None:
    result = run_nox_without_a_python(tmp_path, ci=True)
    assert result.returncode != 0
    assert MISSING in result.stderr and "not found" in result.stderr.lower()


def test_a_contributors_run_skips_a_missing_python_and_names_it(tmp_path: Path) -> None:
    result = run_nox_without_a_python(tmp_path, ci=False)
    assert result.returncode == 0, result.stderr
    assert "skipped" in result.stderr.lower() and MISSING in result.stderr


@pytest.mark.parametrize("name", ["noxfile.py", ".ci/run"])
def test_nothing_turns_the_ci_rule_off(name: str) -> None:
    """The rule is nox's default (an error where CI is set); setting the option in the noxfile
    would override it for CI too."""
    text = (ROOT / name).read_text(encoding="utf-8")
    assert "error_on_missing_interpreters =" not in text
    assert "--no-error-on-missing-interpreters" not in text
