"""`pytest-katas update`: a workspace with the learner's answers, brought to a changed release.

The "new release" is a kata tree of this test's own, named by `PYTEST_KATAS_CURRICULUM` (which
stands for the installed curriculum: see pytest_katas/installed.py), so no second wheel is built:
the workspace is written from release 1, the learner fills blanks, then update runs against
release 2, where a step was added and a lesson rewritten (adding), a kata renamed (counting), a
line the learner answered changed (strings: a conflict), a kata removed (old) and one added
(multiplying).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_katas import __version__
from pytest_katas.installed import SOURCE_VARIABLE
from pytest_katas.workspace.record import RECORD_FILE

ADDING = '''\
"""One plus one is two."""

from pytest_katas import __


def test_one_plus_one():
    assert 1 + 1 == __


def test_two_plus_two():
    answer = __
    assert 2 + 2 == answer
'''

ADDING_2 = (
    ADDING.replace("One plus one is two.", "Adding is counting on.")
    + """

def test_three_plus_three():
    assert 3 + 3 == __
"""
)

COUNTING = '''\
"""A generator yields its values one at a time."""

from pytest_katas import __


def count_up_to(n):
    """Yield 1, 2, ..., n."""
    __


def test_counts_up():
    assert list(count_up_to(3)) == [1, 2, 3]
'''

STRINGS = '''\
"""Strings multiply."""

from pytest_katas import __


def test_repeat():
    assert "ab" * 2 == __
'''

OLD = '''\
"""A kata the next release drops."""

from pytest_katas import __


def test_old():
    assert 0 == __
'''

ECHO = '''\
"""A name is bound to its value."""

from pytest_katas import __


def test_echo():
    word = "hi"
    assert word == __
'''

MULTIPLYING = '''\
"""Two twos are four."""

from pytest_katas import __


def test_two_twos():
    assert 2 * 2 == __
'''


def topic(title: str, *katas: tuple[str, str]) -> str:
    entries = "".join(
        f'\n[[katas]]\nid = "{kata_id}"\nfile = "{file}"\ntitle = "{kata_id}"\n'
        'hints = ["Think.", "Think again."]\n'
        for kata_id, file in katas
    )
    return f'title = "{title}"\n{entries}'


RELEASE_1 = {
    "katas/curriculum.toml": 'topics = ["basics", "more"]\n',
    "katas/basics/topic.toml": topic(
        "Basics", ("adding", "test_adding.py"), ("counting", "test_counting.py")
    ),
    "katas/basics/test_adding.py": ADDING,
    "katas/basics/test_counting.py": COUNTING,
    "katas/more/topic.toml": topic(
        "More", ("strings", "test_strings.py"), ("old", "test_old.py"), ("echo", "test_echo.py")
    ),
    "katas/more/test_strings.py": STRINGS,
    "katas/more/test_old.py": OLD,
    "katas/more/test_echo.py": ECHO,
    "solutions/basics/test_adding.py": ADDING.replace("== __", "== 2").replace("= __", "= 4"),
}

RELEASE_2 = {
    "katas/curriculum.toml": 'topics = ["basics", "more"]\n',
    "katas/basics/topic.toml": topic(
        "Basics",
        ("adding", "test_adding.py"),
        ("counting", "test_count_up.py"),
        ("multiplying", "test_multiplying.py"),
    ),
    "katas/basics/test_adding.py": ADDING_2,
    "katas/basics/test_count_up.py": COUNTING,
    "katas/basics/test_multiplying.py": MULTIPLYING,
    "katas/more/topic.toml": topic(
        "More", ("strings", "test_strings.py"), ("echo", "test_echo.py")
    ),
    "katas/more/test_strings.py": STRINGS.replace('"ab" * 2', '"ab" * 3'),
    "katas/more/test_echo.py": ECHO.replace("bound to its value", "a label for its value"),
}

PROGRESS = '{"katas": {"adding": {"steps": {"test_one_plus_one": "passed"}}}}\n'
LEARNER_ADDING = ADDING.replace("1 + 1 == __", "1 + 1 == 2").replace("answer = __", "answer = 4")
LEARNER_COUNTING = COUNTING.replace("    __\n", "    yield from range(1, n + 1)\n")
LEARNER_STRINGS = STRINGS.replace("== __", '== "abab"')


def write_tree(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_with(release: Path, cwd: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """`python COMMAND` in `cwd`, with `release` standing for the installed curriculum."""
    environment = dict(os.environ, **{SOURCE_VARIABLE: str(release)}, COLUMNS="100")
    environment.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, *command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def cli(release: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`pytest-katas ARGS` in `cwd`."""
    return run_with(release, cwd, "-m", "pytest_katas.cli", *args)


def learner_run(release: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`pytest ARGS` in the workspace."""
    return run_with(release, cwd, "-m", "pytest", "-p", "no:cacheprovider", *args)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace written from release 1, with the learner's answers and progress."""
    release = write_tree(tmp_path / "release-1", RELEASE_1)
    done = cli(release, "init", "ws", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "ws"
    write_tree(
        folder,
        {
            "katas/basics/test_adding.py": LEARNER_ADDING,
            "katas/basics/test_counting.py": LEARNER_COUNTING,
            "katas/more/test_strings.py": LEARNER_STRINGS,
            "katas-progress.json": PROGRESS,
        },
    )
    return folder


@pytest.fixture
def release_2(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "release-2", RELEASE_2)


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def backups(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.bak"))


def test_update_merges_answers_renames_adds_removes_and_keeps_progress(
    workspace: Path, release_2: Path
) -> None:
    done = cli(release_2, "update", cwd=workspace)
    assert (done.returncode, done.stderr) == (0, "")
    katas = workspace / "katas"
    # a step added and the lesson rewritten: the filled blanks stay, the new step comes in
    assert (katas / "basics/test_adding.py").read_text(encoding="utf-8") == (
        ADDING_2.replace("1 + 1 == __", "1 + 1 == 2").replace("answer = __", "answer = 4")
    )
    # renamed (same id): the learner's function moves with it
    assert not (katas / "basics/test_counting.py").exists()
    assert (katas / "basics/test_count_up.py").read_text(encoding="utf-8") == LEARNER_COUNTING
    # new
    assert (katas / "basics/test_multiplying.py").read_text(encoding="utf-8") == MULTIPLYING
    # removed, untouched
    assert not (katas / "more/test_old.py").exists()
    # untouched and changed by the release: replaced
    assert (katas / "more/test_echo.py").read_text(encoding="utf-8") == RELEASE_2[
        "katas/more/test_echo.py"
    ]
    # a conflict: the new kata in place, the learner's beside it
    assert (katas / "more/test_strings.py").read_text(encoding="utf-8") == RELEASE_2[
        "katas/more/test_strings.py"
    ]
    (backup,) = backups(workspace)
    assert backup.parent == katas / "more"
    assert backup.name.startswith("test_strings.py.") and backup.name.endswith(".bak")
    assert backup.read_text(encoding="utf-8") == LEARNER_STRINGS
    assert (katas / "basics/topic.toml").read_text(encoding="utf-8") == RELEASE_2[
        "katas/basics/topic.toml"
    ]
    assert (workspace / "katas-progress.json").read_text(encoding="utf-8") == PROGRESS
    lines = done.stdout.splitlines()
    assert lines[0] == (
        f"Updating the katas in {workspace.resolve()} from pytest-katas {__version__} to "
        f"{__version__}:"
    )
    assert "  katas/basics/test_adding.py: the new release merged with your answers" in lines
    assert (
        "  katas/basics/test_count_up.py: moved here from katas/basics/test_counting.py, the new "
        "release merged with your answers"
    ) in lines
    assert "  katas/basics/test_multiplying.py: new" in lines
    assert (
        "  katas/more/test_echo.py: replaced by the new release's (you had not changed it)" in lines
    )
    assert (
        "  katas/more/test_strings.py: the new release changed lines you had changed too: the new "
        f"kata is in place, your version is kept as katas/more/{backup.name}"
    ) in lines
    assert (
        "  katas/more/test_old.py: removed (not in the new release; you had not changed it)"
        in lines
    )
    assert lines[-1].startswith(
        f"Your katas are those of pytest-katas {__version__} now; your progress"
    )
    assert lines[-1].endswith(" katas/")
    # the record is the new release's: nothing more to do
    again = cli(release_2, "update", cwd=workspace / "katas" / "basics")
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout == (
        f"The katas in ../.. are those of pytest-katas {__version__} already: nothing to update.\n"
    )


def test_update_dry_run_says_what_would_change_and_writes_nothing(
    workspace: Path, release_2: Path
) -> None:
    before = files_of(workspace)
    done = cli(release_2, "update", "--dry-run", cwd=workspace)
    assert (done.returncode, done.stderr) == (0, "")
    assert files_of(workspace) == before
    lines = done.stdout.splitlines()
    assert lines[0] == (
        f"pytest-katas update would change the katas in {workspace.resolve()} from pytest-katas "
        f"{__version__} to {__version__} (dry run: nothing is written):"
    )
    assert "  katas/basics/test_multiplying.py: new" in lines
    assert any(
        line.startswith("  katas/more/test_strings.py: the new release changed lines you had ")
        and "the new kata would be put in place, your version kept as katas/more/" in line
        for line in lines
    )
    assert lines[-1] == "Nothing was written. To do it: pytest-katas update"


def test_a_kata_moved_and_changed_where_the_learner_answered_keeps_their_file_as_a_backup(
    workspace: Path, tmp_path: Path
) -> None:
    files = {k: v for k, v in RELEASE_1.items() if k != "katas/more/test_strings.py"}
    files["katas/more/topic.toml"] = topic(
        "More", ("strings", "test_repeat.py"), ("old", "test_old.py"), ("echo", "test_echo.py")
    )
    files["katas/more/test_repeat.py"] = STRINGS.replace('"ab" * 2', '"ab" * 3')
    release = write_tree(tmp_path / "release-moved", files)
    done = cli(release, "update", cwd=workspace)
    assert done.returncode == 0, done.stderr
    (backup,) = backups(workspace)
    assert backup.read_text(encoding="utf-8") == LEARNER_STRINGS
    assert not (workspace / "katas/more/test_strings.py").exists()


def test_update_keeps_a_removed_kata_the_learner_changed_as_a_backup(
    workspace: Path, release_2: Path
) -> None:
    old = workspace / "katas" / "more" / "test_old.py"
    mine = OLD.replace("== __", "== 0")
    old.write_text(mine, encoding="utf-8")
    done = cli(release_2, "update", cwd=workspace)
    assert done.returncode == 0, done.stderr
    assert not old.exists()
    kept = [path for path in backups(workspace) if path.name.startswith("test_old.py.")]
    assert [path.read_text(encoding="utf-8") for path in kept] == [mine]
    assert (
        f"  katas/more/test_old.py: not in the new release; your version is kept as "
        f"katas/more/{kept[0].name}"
    ) in done.stdout.splitlines()


def test_update_outside_a_workspace_is_one_line_and_exit_status_1(
    tmp_path: Path, release_2: Path
) -> None:
    (tmp_path / "elsewhere").mkdir()
    done = cli(release_2, "update", cwd=tmp_path / "elsewhere")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"pytest-katas update: {(tmp_path / 'elsewhere').resolve()} is not in a pytest-katas "
        f"workspace (no {RECORD_FILE} there or above): run pytest-katas update inside the folder "
        "pytest-katas init wrote\n"
    )


def test_update_puts_back_a_kata_the_learner_deleted(workspace: Path, release_2: Path) -> None:
    (workspace / "katas" / "basics" / "test_adding.py").unlink()
    done = cli(release_2, "update", cwd=workspace)
    assert done.returncode == 0, done.stderr
    assert "  katas/basics/test_adding.py: put back (it was missing)" in done.stdout.splitlines()
    assert (workspace / "katas/basics/test_adding.py").read_text(encoding="utf-8") == ADDING_2


def test_update_and_reset_put_back_a_deleted_kata_when_the_release_is_the_same(
    workspace: Path,
) -> None:
    """Nothing to update, yet a kata the learner deleted comes back: by `update`, or by
    `pytest --reset` typed inside its topic folder (the catalog no longer lists it)."""
    release_1 = workspace.parent / "release-1"
    adding = workspace / "katas/basics/test_adding.py"
    adding.unlink()
    done = cli(release_1, "update", cwd=workspace)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[:2] == [
        f"The katas in {workspace.resolve()} are those of pytest-katas {__version__}; putting "
        "back what is missing:",
        "  katas/basics/test_adding.py: put back (it was missing)",
    ]
    assert adding.read_text(encoding="utf-8") == ADDING
    adding.unlink()
    reset = learner_run(release_1, adding.parent, "--reset", "test_adding.py")
    assert reset.returncode == 0, reset.stdout + reset.stderr
    assert "test_adding.py is back as shipped (it was missing)" in reset.stdout.splitlines()
    assert adding.read_text(encoding="utf-8") == ADDING


BROKEN_RECORDS = {
    "not JSON": (b"{not json", "it is not valid JSON: ", "它不是有效的 JSON："),
    "bad bytes": (b'{"format": "\xff"}', "it is not UTF-8 text", "它不是 UTF-8 文本"),
    "another format": (
        b'{"format": "pytest-katas-workspace/9"}',
        "it is not a pytest-katas-workspace/1 file",
        "它不是 pytest-katas-workspace/1 文件",
    ),
    "a field missing": (
        b'{"format": "pytest-katas-workspace/1", "version": "1", "digest": "x", "katas": {}}',
        'it has no "files" field',
        "它没有“files”字段",
    ),
    "a list for a table": (
        b'{"format": "pytest-katas-workspace/1", "version": "1", "digest": "x", "katas": [],'
        b' "files": {}}',
        'its "katas" and "files" must be tables',
        "它的“katas”和“files”必须是表",
    ),
}


@pytest.mark.parametrize("broken", BROKEN_RECORDS)
def test_update_with_a_broken_record_is_one_line_naming_it_and_why(
    workspace: Path, release_2: Path, broken: str
) -> None:
    content, reason, reason_zh = BROKEN_RECORDS[broken]
    (workspace / RECORD_FILE).write_bytes(content)
    before = files_of(workspace)
    done = cli(release_2, "update", cwd=workspace)
    assert (done.returncode, done.stdout) == (1, "")
    (line,) = done.stderr.splitlines()
    assert line.startswith(
        f"pytest-katas update: {workspace.resolve() / RECORD_FILE} cannot be read as a "
        f"workspace record ({reason}"
    )
    assert line.endswith("run pytest-katas init in a new folder and copy your katas over")
    assert files_of(workspace) == before
    in_chinese = cli(release_2, "update", "--lang", "zh", cwd=workspace)
    (line,) = in_chinese.stderr.splitlines()
    assert reason_zh in line and reason not in line


def test_a_learner_run_in_a_workspace_whose_record_is_broken_says_so_once(
    workspace: Path, release_2: Path
) -> None:
    (workspace / RECORD_FILE).write_text("{not json", encoding="utf-8")
    done = learner_run(release_2, workspace, "katas/")
    assert done.returncode == 1, done.stdout
    # a path longer than the terminal is wrapped inside: compare without any white space
    letters = "".join(done.stdout.split())
    line = f"! {workspace.resolve() / RECORD_FILE} cannot be read as a workspace record"
    assert letters.count("".join(line.split())) == 1, done.stdout
    assert "runpytest-katasinitinanewfolderandcopyyourkatasover" in letters
    assert "Traceback" not in done.stdout + done.stderr


def test_after_an_upgrade_the_katas_are_judged_as_the_learner_got_them_and_update_is_named_once(
    workspace: Path, release_2: Path
) -> None:
    """Upgraded, not yet updated: the learner's katas are release 1's. An untouched kata that
    release 2 changed is not "changed outside its blanks", answers to release 1's katas count,
    and the report says once what to run."""
    done = learner_run(release_2, workspace, "katas/")
    assert done.returncode == 1, done.stdout
    assert "changed outside its blanks" not in done.stdout
    # the test's releases have this package's version: the notice says the katas differ
    words = " ".join(done.stdout.split())
    assert words.count("! your katas are not those of the installed pytest-katas") == 1, words
    assert (
        f"pytest-katas {__version__}: run pytest-katas update to bring them up to date (your "
        "answers and progress are kept)"
    ) in words
    # the learner's answers to release 1's adding kata pass (release 2 has a third step)
    assert (
        "katas/basics/test_adding.py::test_one_plus_one PASSED"
        in learner_run(release_2, workspace, "katas/basics/test_adding.py", "-v").stdout
    )
    # after update, the notice is gone
    assert cli(release_2, "update", cwd=workspace).returncode == 0
    again = learner_run(release_2, workspace, "katas/")
    assert "your katas are not those" not in " ".join(again.stdout.split())
    assert "changed outside its blanks" not in again.stdout


def test_in_a_workspace_a_change_outside_the_blanks_is_judged_against_the_record(
    workspace: Path, release_2: Path
) -> None:
    """The record of the workspace, not the installed release, says what the kata was: a learner
    who rewrites a line of release 1's echo kata (release 2 changed only its lesson) and answers
    the rewritten question does not pass."""
    echo = workspace / "katas/more/test_echo.py"
    echo.write_text(
        ECHO.replace('word = "hi"', 'word = "yo"').replace("== __", '== "yo"'), encoding="utf-8"
    )
    for release in (workspace.parent / "release-1", release_2):
        done = learner_run(release, workspace, "katas/more/test_echo.py", "-v")
        assert "test_echo.py::test_echo FAILED" in done.stdout, done.stdout
        assert "was changed outside its blanks" in done.stdout


def test_a_workspace_of_an_older_release_names_both_versions(
    workspace: Path, release_2: Path
) -> None:
    record = json.loads((workspace / RECORD_FILE).read_text(encoding="utf-8"))
    record["version"] = "0.0.9"
    (workspace / RECORD_FILE).write_text(json.dumps(record), encoding="utf-8")
    words = " ".join(learner_run(release_2, workspace, "katas/basics/").stdout.split())
    assert (
        f"! your katas are those of pytest-katas 0.0.9, and {__version__} is installed: run "
        "pytest-katas update"
    ) in words


def test_the_whole_reference_in_a_workspace_is_labelled_as_the_installed_ones(
    workspace: Path,
) -> None:
    """A workspace has no solutions/ folder: `--solution --full` does not name one."""
    release_1 = workspace.parent / "release-1"
    adding = workspace / "katas/basics/test_adding.py"
    adding.write_text(LEARNER_ADDING + "# my note\n", encoding="utf-8")
    assert " 2 passed" in learner_run(release_1, workspace, str(adding)).stdout  # unlocks it
    shown = learner_run(release_1, workspace, "--solution", "katas/basics/test_adding.py", "--full")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert f"+++ the reference solution (in pytest-katas {__version__})" in shown.stdout
    assert "solutions/" not in shown.stdout


def test_a_conflict_takes_the_releases_statement_and_keeps_the_other_answers(
    workspace: Path, tmp_path: Path
) -> None:
    """The release changed the line of one answered blank: that step is the release's again, the
    other step keeps its answer, and the learner's file is kept beside it."""
    changed = ADDING.replace("1 + 1 == __", "1 + 2 == __")
    release = write_tree(
        tmp_path / "release-3", {**RELEASE_1, "katas/basics/test_adding.py": changed}
    )
    done = cli(release, "update", cwd=workspace)
    assert done.returncode == 0, done.stderr
    adding = workspace / "katas/basics/test_adding.py"
    assert adding.read_text(encoding="utf-8") == changed.replace("answer = __", "answer = 4")
    (backup,) = [path for path in backups(workspace) if path.name.startswith("test_adding.py.")]
    assert backup.read_text(encoding="utf-8") == LEARNER_ADDING
    assert (
        "  katas/basics/test_adding.py: the new release changed statements you had changed too: "
        "those are as it has them, your other answers are kept; your version is kept as "
        f"katas/basics/{backup.name}"
    ) in done.stdout.splitlines()
