"""`pytest-katas init`: the curriculum ships in the wheel, and a learner's workspace written from it
runs, hints, and shows a solved kata's solution, while no solution can be imported or found there.

The wheel is the one built once per test run (tests/distributions.py), installed once per run into
a fresh virtual environment outside the repository (`installed_wheel`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_katas import __version__
from pytest_katas.installed import SOURCE_VARIABLE, kata_paths
from pytest_katas.shipped import RECORD_VARIABLE
from pytest_katas.workspace.record import RECORD_FILE
from tests.distributions import installed_wheel

SOLVED = "katas/generators/test_laziness.py"
"""The kata the test solves: short and fast."""


@pytest.fixture(scope="session")
def scripts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scripts folder of the fresh environment the wheel is installed in."""
    return installed_wheel(tmp_path_factory)


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `command` in `cwd` as a learner would: plain output, nothing of the tests' own set-up
    (no curriculum or shipped record named by the environment, no PYTHONPATH)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in (SOURCE_VARIABLE, RECORD_VARIABLE, "PYTHONPATH")
    }
    environment["PYTEST_KATAS_PLAIN"] = "1"
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=120, check=False
    )


def bundle_of(scripts: Path, tmp_path: Path) -> dict[str, str]:
    """The files of the curriculum inside the installed package (its curriculum.json)."""
    done = run(
        [str(scripts / "python"), "-c", "import pytest_katas.installed as i; print(i.BUNDLE)"],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    bundle = Path(done.stdout.strip())
    assert bundle.is_file(), f"the installed package has no {bundle.name}"
    files: dict[str, str] = json.loads(bundle.read_text(encoding="utf-8"))["files"]
    return files


def test_a_workspace_from_the_wheel_runs_hints_and_shows_only_solved_solutions(
    scripts: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "empty"
    workspace.mkdir()
    done = run([str(scripts / "pytest-katas"), "init"], workspace)
    assert done.returncode == 0, done.stderr
    written, following = done.stdout.splitlines()
    assert written.startswith("Wrote ")
    assert written.endswith(f" katas of pytest-katas {__version__} in {workspace}.")
    assert following == f"Next: {scripts / 'pytest'} katas/"
    assert (workspace / "README.md").is_file()
    assert (workspace / RECORD_FILE).is_file()
    files = bundle_of(scripts, tmp_path)
    assert kata_paths(files), "the bundle lists no katas"
    for name in files:
        if name.startswith("katas/"):
            assert (workspace / name).read_text(encoding="utf-8") == files[name], name
    assert not (workspace / "solutions").exists()

    # solve one kata with its reference, copied from the package
    solution = SOLVED.replace("katas/", "solutions/", 1)
    (workspace / SOLVED).write_text(files[solution], encoding="utf-8")
    pytest_script = str(scripts / "pytest")
    solved = run([pytest_script, "katas/generators/"], workspace)
    assert solved.returncode == 1, solved.stdout  # the topic's other katas still fail
    assert "Generators: 1 of " in solved.stdout
    assert "All katas: 1 of " in solved.stdout

    hint = run([pytest_script, "--hint"], workspace)
    assert hint.returncode == 0, hint.stdout + hint.stderr
    assert hint.stdout.startswith("Hint 1 of ")

    shown = run([pytest_script, "--solution", SOLVED], workspace)
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert f"your answers in {SOLVED} beside the reference's" in shown.stdout
    assert "answers are the same as the reference." in shown.stdout

    paths = list(kata_paths(files).values())
    locked_kata = paths[paths.index(SOLVED) + 1]
    locked = run([pytest_script, "--solution", locked_kata], workspace)
    assert locked.returncode == 1, locked.stdout + locked.stderr
    assert f"The solution to {locked_kata} (" in locked.stdout
    assert "is locked" in locked.stdout

    # no solution can be imported from the workspace, nor found in its files
    modules = [
        name.removesuffix(".py").replace("/", ".")
        for name in files
        if name.startswith("solutions/") and name.endswith(".py")
    ]
    probe = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ImportError:\n"
        "        continue\n"
        "    print(name)\n"
    )
    imported = run([str(scripts / "python"), "-c", probe], workspace)
    assert (imported.returncode, imported.stdout) == (0, ""), imported.stderr
    direct = run([str(scripts / "python"), "-c", f"import {modules[0]}"], workspace)
    assert direct.returncode == 1
    assert "ModuleNotFoundError: No module named 'solutions'" in direct.stderr
    sources = {
        name: text
        for name, text in files.items()
        if name.startswith("solutions/") and text != files.get(name.replace("solutions/", "katas/"))
    }
    for path in workspace.rglob("*"):
        if not path.is_file() or path == workspace / SOLVED:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found = [name for name, source in sources.items() if source in text]
        assert not found, f"{path.relative_to(workspace)} holds {found[0]}"


# --- init's printed command and refusals (the repository's own install) --------------------------


def init(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`pytest-katas init ARGS` in `cwd`, from this checkout."""
    return run([sys.executable, "-m", "pytest_katas.cli", "init", *args], cwd)


def test_init_prints_the_command_that_runs_the_katas_from_where_it_was_run(
    tmp_path: Path,
) -> None:
    done = init("courses/python", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    *_, written, following = done.stdout.splitlines()
    assert written.startswith("Wrote ") and written.endswith(
        f" katas of pytest-katas {__version__} in courses/python."
    )
    assert following.startswith("Next: cd courses/python && ")
    assert following.endswith(" katas/")
    command = following.removeprefix("Next: ")
    folder, run_katas = command.removeprefix("cd ").split(" && ")
    assert (tmp_path / folder / "katas" / "curriculum.toml").is_file()
    # the printed pytest is this installation's: collecting the katas from there works as printed
    collected = subprocess.run(
        f"cd {folder} && {run_katas} --collect-only -q",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert "katas/generators/test_laziness.py::test_the_first_next" in collected.stdout


def test_init_refuses_a_folder_that_holds_a_workspace_already(tmp_path: Path) -> None:
    assert init("ws", cwd=tmp_path).returncode == 0
    record = (tmp_path / "ws" / RECORD_FILE).read_bytes()
    again = init("ws", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (1, "")
    assert again.stderr == (
        f"pytest-katas init: ws already holds a workspace ({RECORD_FILE}): carry on there, or "
        "run pytest-katas update there after upgrading pytest-katas\n"
    )
    assert (tmp_path / "ws" / RECORD_FILE).read_bytes() == record


def test_init_refuses_a_folder_that_holds_katas_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "katas").mkdir()
    done = init(cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"pytest-katas init: {tmp_path} already holds a katas/ folder: choose another folder, "
        "such as pytest-katas init katas-workspace\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["katas"]


@pytest.mark.parametrize("inside", ["katas", "katas/generators", "notes"])
def test_init_refuses_a_folder_inside_a_workspace_and_writes_nothing(
    tmp_path: Path, inside: str
) -> None:
    assert init("outer", cwd=tmp_path).returncode == 0
    before = sorted(tmp_path.rglob("*"))
    done = init(inside, cwd=tmp_path / "outer")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"pytest-katas init: {inside} is inside the kata tree at {(tmp_path / 'outer').resolve()}"
        ": a workspace cannot hold another (pytest would run both); choose a folder outside it\n"
    )
    assert sorted(tmp_path.rglob("*")) == before


def test_init_refuses_a_folder_inside_a_repositorys_kata_tree_and_writes_nothing(
    tmp_path: Path,
) -> None:
    (tmp_path / "katas").mkdir()
    (tmp_path / "katas" / "curriculum.toml").write_text("topics = []\n", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    done = init("notes/ws", cwd=tmp_path)  # beside katas/: pytest at the root would run both
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith("pytest-katas init: notes/ws is inside the kata tree at ")
    assert sorted(tmp_path.rglob("*")) == before


def test_init_refuses_a_file_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    done = init("notes.txt", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "pytest-katas init: notes.txt is a file, not a folder: give pytest-katas init a folder\n"
    )
