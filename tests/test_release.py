"""Release hygiene: the sdist and the wheel `python -m build` makes pass `twine check` and hold what
the plugin needs; one version everywhere; the `pytest-katas` command, and `katas-report` as its old
name; the files written for others to read (the JSON report, the HTML page) readable as the umask
allows."""

from __future__ import annotations

import configparser
import json
import os
import stat
import subprocess
import sys
from email.parser import HeaderParser
from pathlib import Path

import pytest

from pytest_katas import __version__
from pytest_katas.cli import main
from tests.distributions import Distributions, built_distributions
from tests.kata_repo import KataRepo
from tests.test_html_report import learner_run

PACKAGE = "pytest_katas"
DIST_INFO = f"{PACKAGE}-{__version__}.dist-info"


@pytest.fixture(scope="session")
def distributions(tmp_path_factory: pytest.TempPathFactory) -> Distributions:
    """The sdist and the wheel, built once per run (see tests/distributions.py)."""
    return built_distributions(tmp_path_factory)


def command(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m pytest_katas.cli ARGS` (what the `pytest-katas` script runs), or another
    module's command line when the first argument is `-m MODULE`."""
    module = ["-m", f"{PACKAGE}.cli"] if args[:1] != ("-m",) else []
    return subprocess.run(
        [sys.executable, *module, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# --- the sdist and the wheel --------------------------------------------------------------------


def test_twine_check_passes_for_the_sdist_and_the_wheel(distributions: Distributions) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "twine",
            "check",
            "--strict",
            distributions.sdist,
            distributions.wheel,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2


def test_the_wheel_holds_every_file_of_the_package_and_nothing_else(
    distributions: Distributions,
) -> None:
    package = distributions.package_files()
    shipped = distributions.wheel_names()
    assert {"pytest_katas/py.typed", "pytest_katas/shipped.json", "pytest_katas/cli.py"} <= set(
        shipped
    )
    # and the curriculum, which setup.py bundles at build time
    assert sorted(name for name in shipped if not name.startswith(f"{DIST_INFO}/")) == sorted(
        [*package, "pytest_katas/curriculum.json"]
    )


def test_the_wheel_bundles_every_kata_and_solution_as_data_not_modules(
    distributions: Distributions,
) -> None:
    source = distributions.source
    expected = {
        path.relative_to(source).as_posix(): path.read_text(encoding="utf-8")
        for folder in ("katas", "solutions")
        for path in (source / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    bundle = json.loads(distributions.wheel_text("pytest_katas/curriculum.json"))
    assert bundle["format"] == "pytest-katas-curriculum/1"
    assert bundle["version"] == __version__
    assert bundle["files"] == expected
    assert any(name.startswith("solutions/") for name in expected)
    # nothing Python could import a kata or a solution from
    assert not [
        name for name in distributions.wheel_names() if name.startswith(("katas/", "solutions/"))
    ]


def test_the_sdist_holds_what_building_the_wheel_needs(distributions: Distributions) -> None:
    names = set(distributions.sdist_names())
    assert {"pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "PKG-INFO"} <= names
    assert set(distributions.package_files()) <= names
    # the curriculum the wheel bundles
    assert {"katas/curriculum.toml", "solutions/generators/test_laziness.py"} <= names


def test_the_wheel_declares_the_plugin_and_both_commands(distributions: Distributions) -> None:
    entry_points = configparser.ConfigParser()
    entry_points.optionxform = str  # type: ignore[assignment,method-assign]  # keep names' case
    entry_points.read_string(distributions.wheel_text(f"{DIST_INFO}/entry_points.txt"))
    assert dict(entry_points["pytest11"]) == {"katas": "pytest_katas.plugin"}
    assert dict(entry_points["console_scripts"]) == {
        "pytest-katas": "pytest_katas.cli:main",
        "katas-report": "pytest_katas.html_report:main",
    }


def test_the_distributions_carry_the_version_of_pytest_katas(distributions: Distributions) -> None:
    wheel = HeaderParser().parsestr(distributions.wheel_text(f"{DIST_INFO}/METADATA"))
    sdist = HeaderParser().parsestr(distributions.sdist_text("PKG-INFO"))
    assert wheel["Version"] == sdist["Version"] == __version__
    assert distributions.wheel.name == f"{PACKAGE}-{__version__}-py3-none-any.whl"
    assert distributions.sdist.name == f"{PACKAGE}-{__version__}.tar.gz"
    # the README is the page PyPI shows
    assert wheel["Description-Content-Type"] == "text/markdown"
    assert distributions.wheel_text(f"{DIST_INFO}/METADATA").endswith(
        "\n\n" + (distributions.source / "README.md").read_text(encoding="utf-8")
    )


# --- the command --------------------------------------------------------------------------------


@pytest.mark.parametrize("module", ["pytest_katas.cli", "pytest_katas.html_report"])
def test_version_prints_the_version_of_pytest_katas(module: str) -> None:
    done = command("-m", module, "--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"pytest-katas {__version__}\n", "")


def test_pytest_names_the_plugin_with_the_same_version(tmp_path: Path) -> None:
    done = command("-m", "pytest", "--version", "--version", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"pytest-katas-{__version__} at " in done.stdout + done.stderr


def test_help_lists_the_subcommands_and_exits_0() -> None:
    done = command("--help")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(
        "usage: pytest-katas [-h] [--version] [--lang LANGUAGE] SUBCOMMAND ...\n"
    )
    assert "--version" in done.stdout
    listed = [line.split(None, 1) for line in done.stdout.splitlines() if line.startswith("    ")]
    summaries = {words[0]: words[1] for words in listed if len(words) == 2}
    assert summaries["report"].startswith("turn files written by pytest katas/ --kata-report=PATH")
    assert {words[0] for words in listed} >= {"init", "update", "report", "translations"}


@pytest.mark.parametrize(
    ("args", "prog", "error"),
    [
        (["frob"], "pytest-katas", "argument SUBCOMMAND: invalid choice: 'frob'"),
        ([], "pytest-katas", "the following arguments are required: SUBCOMMAND"),
        (["report"], "pytest-katas report", "the following arguments are required: REPORT.json"),
        (
            ["-m", "pytest_katas.html_report"],
            "katas-report",
            "the following arguments are required",
        ),
    ],
)
def test_a_usage_error_is_one_line_and_exit_status_2(
    args: list[str], prog: str, error: str
) -> None:
    done = command(*args)
    assert (done.returncode, done.stdout) == (2, "")
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"{prog}: error: {error}")
    assert line.endswith(f" (see {prog} --help)")


def test_report_and_katas_report_write_the_same_page(repo: KataRepo, tmp_path: Path) -> None:
    bob = learner_run(repo, "bob", "katas/")
    repo.solve("basics/test_adding.py")
    alice = learner_run(repo, "alice", "katas/")
    pages = {}
    for name, args in [("new", ["report"]), ("old", ["-m", "pytest_katas.html_report"])]:
        (tmp_path / name).mkdir()
        done = command(*args, "-o", "class.html", str(alice), str(bob), cwd=tmp_path / name)
        assert (done.returncode, done.stdout, done.stderr) == (
            0,
            "Wrote class.html: a class of 2 learners.\n",
            "",
        )
        pages[name] = (tmp_path / name / "class.html").read_text(encoding="utf-8")
    assert pages["new"] == pages["old"]
    assert "<title>Kata progress of a class of 2</title>" in pages["new"]


# --- files for others to read -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)], ids=["umask-022", "umask-077"]
)
def test_the_report_and_the_page_are_readable_as_the_umask_allows(
    repo: KataRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str], umask: int, mode: int
) -> None:
    page = tmp_path / "alice.html"
    old = os.umask(umask)
    try:
        report = learner_run(repo, "alice", "katas/")
        assert main(["report", "-o", str(page), str(report)]) == 0
    finally:
        os.umask(old)
    assert capsys.readouterr().out.endswith(f"Wrote {page}: the progress of alice.\n")
    assert stat.S_IMODE(report.stat().st_mode) == mode
    assert stat.S_IMODE(page.stat().st_mode) == mode
