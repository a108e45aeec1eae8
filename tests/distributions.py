"""The sdist and the wheel of this checkout, built once per test run as `python -m build` makes
them for a release.

The build runs on a copy of the files git would commit (tracked, and new ones it does not ignore),
so it leaves nothing in the repository: no build/, no *.egg-info. It is made once per test run and
shared by every test and every xdist worker that asks for it (`built_distributions` keeps it in the
run's temporary folder, behind a file lock), so a module that wants the wheel (to install it, say)
can ask for it from a session fixture of its own at no extra cost:

    @pytest.fixture(scope="session")
    def distributions(tmp_path_factory: pytest.TempPathFactory) -> Distributions:
        return built_distributions(tmp_path_factory)

`installed_wheel` likewise makes one fresh virtual environment per test run, outside the
repository, with the wheel installed (tests/test_workspace.py runs the installed commands there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import filelock
import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
BUILD_SECONDS = 300
"""Far more than a build takes (about 5 s, most of it making the build's isolated environment):
only there so that a hung build fails the run instead of stalling it."""


@dataclass(frozen=True)
class Distributions:
    """What `python -m build` made: `sdist` (.tar.gz) and `wheel` (.whl), and `source`, the copy of
    the checkout they were built from."""

    sdist: Path
    wheel: Path
    source: Path

    def package_files(self) -> list[str]:
        """The files of the package in the copy built from, `pytest_katas/cli.py`, … (sorted)."""
        return sorted(
            path.relative_to(self.source).as_posix()
            for path in (self.source / "pytest_katas").rglob("*")
            if path.is_file()
        )

    def wheel_names(self) -> list[str]:
        """The paths inside the wheel: `pytest_katas/cli.py`, `pytest_katas-X.dist-info/RECORD`…"""
        with zipfile.ZipFile(self.wheel) as wheel:
            return wheel.namelist()

    def wheel_text(self, name: str) -> str:
        """The text of the file `name` inside the wheel (`*.dist-info/` for its metadata)."""
        with zipfile.ZipFile(self.wheel) as wheel:
            return wheel.read(name).decode("utf-8")

    def sdist_names(self) -> list[str]:
        """The paths inside the sdist, without its top folder (`pytest_katas-X/`): `pyproject.toml`,
        `PKG-INFO`, `pytest_katas/cli.py`, … (folders left out)."""
        with tarfile.open(self.sdist) as sdist:
            return [
                member.name.partition("/")[2] for member in sdist.getmembers() if member.isfile()
            ]

    def sdist_text(self, name: str) -> str:
        """The text of the file `name` (as `sdist_names` gives it) inside the sdist."""
        with tarfile.open(self.sdist) as sdist:
            top = sdist.getnames()[0].partition("/")[0]
            member = sdist.extractfile(f"{top}/{name}")
            assert member is not None, f"{name} is not a file in {self.sdist.name}"
            return member.read().decode("utf-8")


def checkout_files() -> list[str]:
    """The files of this checkout that git would commit: tracked, and new ones that .gitignore does
    not exclude (relative paths). Fails the test when this is not a git checkout."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPOSITORY,
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.fail(f"the release tests build from the git checkout at {REPOSITORY}: {error}")
    names = listed.stdout.decode("utf-8").split("\0")
    # a tracked file deleted in the work tree is still listed: it will not be committed as it is
    return [name for name in names if name and (REPOSITORY / name).is_file()]


def built_distributions(tmp_path_factory: pytest.TempPathFactory) -> Distributions:
    """The sdist and the wheel of this checkout, built the first time a test of the run asks for
    them (by any xdist worker), then found where they were left. Fails the test, with the end of
    the build's output, when the build fails."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # each worker has a folder of its own in the run's folder
    folder = base / "distributions"
    with filelock.FileLock(base / "distributions.lock"):
        if not (folder / "built").exists():
            _build(folder)
    (sdist,) = (folder / "dist").glob("*.tar.gz")
    (wheel,) = (folder / "dist").glob("*.whl")
    return Distributions(sdist=sdist, wheel=wheel, source=folder / "source")


def _build(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)  # what a failed build left
    source = folder / "source"
    for name in checkout_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPOSITORY / name, source / name)
    # the sdist, then the wheel from the sdist, as a release makes them; uv makes build's isolated
    # environment (from its cache after the first time), pip would take twice as long
    command = [sys.executable, "-m", "build", "--installer=uv", "--outdir", "dist", "source"]
    done = subprocess.run(
        command,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=BUILD_SECONDS,
        check=False,
    )
    if done.returncode != 0:
        output = (done.stdout + done.stderr).splitlines()
        pytest.fail(f"{' '.join(command)} failed:\n" + "\n".join(output[-40:]), pytrace=False)
    (folder / "built").touch()


INSTALL_SECONDS = 600
"""Far more than installing the wheel and its dependencies takes (seconds, from uv's cache)."""


def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment outside the repository with the wheel (`built_distributions`)
    and its dependencies installed, made the first time a test of the run asks for it (by any
    xdist worker), then found where it was left: one per test run. Returns its `bin` folder
    (`Scripts` on Windows), which holds `python`, `pytest` and `pytest-katas`. Fails the test,
    with the end of the installer's output, when making it fails."""
    wheel = built_distributions(tmp_path_factory).wheel
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / "installed-venv"
    scripts = folder / ("Scripts" if os.name == "nt" else "bin")
    with filelock.FileLock(base / "installed-venv.lock"):
        if not (base / "installed-venv.done").exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed install left
            for command in _install_commands(folder, scripts, wheel):
                done = subprocess.run(
                    command, capture_output=True, text=True, timeout=INSTALL_SECONDS, check=False
                )
                if done.returncode != 0:
                    output = (done.stdout + done.stderr).splitlines()
                    pytest.fail(
                        f"{' '.join(map(str, command))} failed:\n" + "\n".join(output[-40:]),
                        pytrace=False,
                    )
            (base / "installed-venv.done").touch()
    return scripts


def _install_commands(folder: Path, scripts: Path, wheel: Path) -> list[list[str]]:
    """uv's when it is installed (from its cache, in seconds), else venv's and pip's."""
    try:
        import uv  # type: ignore[import-not-found,unused-ignore]

        uv_bin = str(uv.find_uv_bin())
    except (ImportError, FileNotFoundError):
        python = str(scripts / "python")
        return [
            [sys.executable, "-m", "venv", str(folder)],
            [python, "-m", "pip", "install", "--quiet", str(wheel)],
        ]
    return [
        [uv_bin, "venv", "--quiet", "--python", sys.executable, str(folder)],
        [uv_bin, "pip", "install", "--quiet", "--python", str(scripts / "python"), str(wheel)],
    ]
