#!/usr/bin/env python3
"""Set up pytest-katas with one command, using nothing but the Python you already have.

    python3 bootstrap.py learn   # learners: make .venv, install the plugin, run the katas
    python3 bootstrap.py test    # maintainers: make .venv, install nox, run the whole suite

Both make a virtual environment in .venv (see the virtual_environments katas for what that is)
and install into it only, never into the Python you ran this with.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
TOOLS = ["nox>=2024.4", "uv>=0.4"]
SUPPORTED = ("3.10", "3.11", "3.12", "3.13")


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def run(*command: str | Path) -> int:
    print("+", " ".join(str(part) for part in command), flush=True)
    return subprocess.call([str(part) for part in command], cwd=ROOT)


def ensure_venv() -> Path:
    python = venv_python()
    if not python.exists():
        print(f"Creating a virtual environment in {VENV.name}/", flush=True)
        venv.create(VENV, with_pip=True)
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    return python


def learn() -> int:
    python = ensure_venv()
    if run(python, "-m", "pip", "install", "--quiet", "-e", ".") != 0:
        return 1
    status = run(python, "-m", "pytest", "katas/")
    scripts = venv_python().parent.relative_to(ROOT)
    print(
        f"\nYou are set up. From now on run {scripts / 'pytest'} katas/ "
        f"(or activate the environment first: source {scripts / 'activate'}, then pytest katas/)."
    )
    return status


def pyenv_versions() -> str | None:
    """With pyenv, PYENV_VERSION extended with the newest installed 3.10 … 3.13 it lacks, so that
    nox finds python3.10 … python3.13 (pyenv puts only the versions it names on the PATH)."""
    if shutil.which("pyenv") is None:
        return None
    already = [version for version in os.environ.get("PYENV_VERSION", "").split(":") if version]
    listing = subprocess.run(
        ["pyenv", "versions", "--bare"], capture_output=True, text=True, check=False
    ).stdout.split()
    newest: dict[str, tuple[int, ...]] = {}
    for version in listing:
        parts = version.split(".")
        if len(parts) == 3 and all(part.isdigit() for part in parts):
            minor = ".".join(parts[:2])
            if minor in SUPPORTED:
                newest[minor] = max(newest.get(minor, (0,)), tuple(map(int, parts)))
    current = f"{sys.version_info.major}.{sys.version_info.minor}"
    ordered = sorted(newest, key=lambda minor: minor != current)
    covered = {".".join(version.split(".")[:2]) for version in already}
    chosen = already + [".".join(map(str, newest[m])) for m in ordered if m not in covered]
    return ":".join(chosen) or None


def test(extra: list[str]) -> int:
    python = ensure_venv()
    if run(python, "-m", "pip", "install", "--quiet", *TOOLS) != 0:
        return 1
    versions = pyenv_versions()
    if versions:
        print(f"PYENV_VERSION={versions}", flush=True)
        os.environ["PYENV_VERSION"] = versions
    return run(python, "-m", "nox", *extra)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("learn", "test"):
        print(__doc__)
        return 2
    return learn() if argv[0] == "learn" else test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
