"""The learner's screen: one page that fits the terminal, in every language, plain or not, and
every command on it works as printed.

The tree here is built to be hard to fit: ten topics with long titles, 90 katas with long file
names, five failing steps each with long source lines, lessons of several sentences, in English and
Chinese (two columns a character).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_katas import catalog, hints, report, shell, shipped, solutions
from pytest_katas.i18n import Messages, set_language
from pytest_katas.screen import fit, width, wrap
from tests.kata_repo import KataRepo

TOPICS = 10
KATAS_PER_TOPIC = 5
STEPS = 5
"""Steps of each topic's first kata (the one in focus, pristine and half solved); others have 1."""
PAGE = 50
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
ROOT = Path(__file__).resolve().parents[1]

STEP = """

def test_step_{step}_sorts_the_names_that_start_with_a_or_are_long():
    names = sorted(name for name in ("alpha", "beta", "gamma", "delta", "epsilon") if len(name) > 4)
    assert names == __
"""
ANSWER = "['alpha', 'delta', 'epsilon', 'gamma']"


def kata_file(topic: int, kata: int) -> str:
    return f"test_what_a_rather_long_kata_name_says_{topic}_{kata}.py"


def build_tree(repo: KataRepo, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A curriculum as wide as the real one; returns the katas' paths in learner order."""
    for old in ("katas", "solutions"):
        shutil.rmtree(repo.root / old)
    topics, paths = [], []
    for topic in range(TOPICS):
        name = f"topic_{topic}"
        topics.append(name)
        manifest = (
            f'title = "Under the hood {topic}: from generators to coroutines, step by step"\n\n'
            f'[zh]\ntitle = "深入底层 {topic}：从生成器到协程，一步一步来"\n'
        )
        for kata in range(KATAS_PER_TOPIC):
            file = kata_file(topic, kata)
            paths.append(f"katas/{name}/{file}")
            lesson = (
                "A generator expression is lazy: nothing runs until something asks for a value, "
                "and sorted() asks for every one of them at once."
            )
            source = f'"""{lesson}\n\nMore words.\n"""\n\nfrom pytest_katas import __\n'
            steps = STEPS if kata == 0 else 1
            source += "".join(STEP.format(step=step) for step in range(steps))
            repo.write(f"katas/{name}/{file}", source)
            repo.write(f"solutions/{name}/{file}", source.replace("== __", f"== {ANSWER}"))
            manifest += (
                f'\n[[katas]]\nid = "kata-{topic}-{kata}"\nfile = "{file}"\n'
                f'title = "Sorting the names that a generator expression hands over {kata}"\n'
                'hints = ["One.", "Two.", "Three."]\n\n[katas.zh]\n'
                'title = "给生成器表达式交出的名字排序"\n'
                'lesson = "生成器表达式是惰性的：在有人要值之前什么都不执行，而 sorted() 会一次把'
                '所有值都要走。这是一段很长的中文课文，用来检验按显示宽度换行。"\n'
                'hints = ["一。", "二。", "三。"]\n'
            )
        repo.write(f"katas/{name}/topic.toml", manifest)
    repo.write("katas/curriculum.toml", f"topics = {topics!r}\n".replace("'", '"'))
    repo.record_as_shipped(monkeypatch)
    return paths


def half_solve(repo: KataRepo, paths: list[str]) -> None:
    """The first half solved, eight more started, in the order they were saved."""
    for path in paths[:25]:
        repo.write(path, repo.read(path.replace("katas/", "solutions/", 1)))
    for number, path in enumerate(paths[30:38]):
        written = repo.write(path, repo.read(path) + "\n# working on it\n")
        os.utime(written, (1_700_000_000 + number, 1_700_000_000 + number))


def page(result: pytest.RunResult, heading: str) -> list[str]:
    """The learner's part: from the report's heading to pytest's final line."""
    lines = [ESCAPE.sub("", line) for line in result.outlines]
    start = next(i for i, line in enumerate(lines) if heading in line)
    return lines[start:]


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "pytest-katas: your progress"), ("zh", "pytest-katas：你的进度")],
)
@pytest.mark.parametrize("tree", ["pristine", "half-solved", "half-solved-in-this-run"])
def test_the_report_fits_one_page_and_the_terminals_width(
    repo: KataRepo,
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
    language: str,
    heading: str,
    tree: str,
) -> None:
    paths = build_tree(repo, monkeypatch)
    if tree.startswith("half-solved"):
        half_solve(repo, paths)
    if tree == "half-solved":
        repo.run("katas/", f"--lang={language}")  # the eight started katas have run once
    monkeypatch.setenv("COLUMNS", str(columns))
    result = repo.run("katas/", f"--lang={language}", "--color=yes")
    lines = page(result, heading)
    assert len(lines) <= PAGE, "\n".join(lines)
    too_wide = [line for line in lines if width(line) > columns]
    assert not too_wide, "\n".join(too_wide)
    text = "\n".join(lines)
    assert "kata-0-0" not in text
    if tree == "pristine":
        # 49 untouched katas are counted in one line, none is listed
        assert "49" in text and paths[1] not in text and paths[-1] not in text
    elif tree == "half-solved-in-this-run":
        # 25 katas solved at once: as many as fit get their solution command, the rest one line
        assert 1 <= text.count("--solution") < 25
    else:
        listed = [line for line in lines if "what_a_rather_long_kata_name_says" in line]
        # five started katas, then the one in focus (the next after the 45 solved), at the end
        # a long path may lose its start to fit; its file name stays
        assert Path(paths[37]).name in listed[0] and Path(paths[33]).name in listed[4]
        assert Path(paths[32]).name not in text  # the sixth most recent is only counted
    # the page ends on the hint command, then pytest's final line
    assert lines[-2].strip().startswith((f"pytest --lang {language} --hint", "katas/"))
    assert re.match(r"^=+ .*failed.* in [\d.]+s", lines[-1])


def test_the_real_curriculum_fits_sixty_columns_in_chinese(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The katas as shipped, at the narrowest width, in the language with the widest text."""
    shutil.copytree(ROOT / "katas", pytester.path / "katas")
    (pytester.path / "pyproject.toml").write_text(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    environment = {**os.environ, "COLUMNS": "60", "PYTEST_KATAS_LANG": "zh"}
    environment.pop("PYTHONPATH", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "katas/", "-n", "2"],
        cwd=pytester.path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "pytest-katas：你的进度" in line)
    mine = lines[start:]
    assert len(mine) <= PAGE, result.stdout
    assert max(map(width, mine)) <= 60, result.stdout
    assert result.returncode == pytest.ExitCode.TESTS_FAILED


def printed_commands(lines: list[str]) -> list[list[str]]:
    """Every command on the page (indented `pytest …` lines, backslash continuations joined)."""
    commands, pending = [], ""
    for line in lines:
        stripped = line.strip()
        if pending:
            stripped, pending = pending + stripped, ""
        elif not stripped.startswith("pytest "):
            continue
        if stripped.endswith("\\"):
            pending = stripped[:-1]
            continue
        commands.append(shlex.split(stripped))
    return commands


@pytest.mark.parametrize(("start", "argument"), [(".", "katas/"), ("katas/topic_0", ".")])
def test_every_command_on_the_page_works_as_printed(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch, start: str, argument: str
) -> None:
    """From the root and from a topic folder, at 60 columns (so long commands are continued on a
    second line), each command printed runs where it was printed and does what it says."""
    paths = build_tree(repo, monkeypatch)
    repo.write(paths[0], repo.read(paths[0].replace("katas/", "solutions/", 1)))
    repo.write(paths[9], repo.read(paths[9]) + "# started\n")
    monkeypatch.chdir(repo.root / start)
    monkeypatch.setenv("COLUMNS", "60")
    result = repo.run(argument)
    lines = page(result, "pytest-katas: your progress")
    commands = printed_commands(lines)
    hint = [command for command in commands if command[:2] == ["pytest", "--hint"]]
    solution = [command for command in commands if command[:2] == ["pytest", "--solution"]]
    assert len(hint) == 1 and len(solution) == 1, "\n".join(lines)
    if start == ".":  # the longest commands are continued on a second line
        assert any(line.rstrip().endswith("\\") for line in lines)
    for command in commands:
        ran = repo.run(*command[1:])
        assert ran.ret in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED), command
    shown = repo.run(*hint[0][1:])
    assert "Hint 2 of 3" in shown.stdout.str()  # the second call: this one, for the same kata
    assert kata_file(0, 1) in shown.stdout.str()
    assert ANSWER in repo.run(*solution[0][1:]).stdout.str()


@pytest.mark.parametrize(
    ("how", "environment"),
    [
        (["--plain"], {}),
        ([], {"PYTEST_KATAS_PLAIN": "1"}),
        ([], {"TERM": "dumb"}),
    ],
)
def test_plain_mode_says_it_in_words_without_bars_or_colour(
    repo: KataRepo,
    monkeypatch: pytest.MonkeyPatch,
    how: list[str],
    environment: dict[str, str],
) -> None:
    repo.solve("basics/test_adding.py")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    result = repo.pytester.runpytest_subprocess("katas/", "--color=yes", *how)
    output = result.stdout.str()
    assert "\x1b[" not in output
    assert not set("█░") & set(output)
    assert "Basics: 1 of 2 katas solved, 2 of 3 steps passed" in output
    assert "All katas: 1 of 3 katas solved, 2 of 4 steps passed" in output
    assert "Step test_counts_up:" in output
    assert "____" not in output.split("pytest-katas: your progress", 1)[1]


def test_plain_mode_lists_the_katas_being_worked_on_in_words(repo: KataRepo) -> None:
    repo.write("katas/more/test_strings.py", repo.read("katas/more/test_strings.py") + "# hm\n")
    output = repo.run("katas/", "--plain").stdout.str()
    report = output.split("pytest-katas: your progress", 1)[1].splitlines()
    line = next(line for line in report if "katas/more/test_strings.py" in line)
    assert "0 of 1 steps passed" in line and "0/1" not in line


@pytest.mark.parametrize("words", [0, 24, 36, 48])
def test_a_kata_with_thirty_failing_steps_still_fits_one_page(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch, words: int
) -> None:
    """The other failing steps are listed as far as the page allows, then counted, with the
    command that prints every one; the page ends on the hint, filled to the last line or not."""
    lesson = "One plus one is two. " + "word " * words
    steps = "".join(f"\n\ndef test_step_{n}():\n    assert {n} + 1 == __\n" for n in range(30))
    repo.write(
        "katas/basics/test_adding.py", f'"""{lesson}"""\n\nfrom pytest_katas import __\n{steps}'
    )
    repo.record_tree()
    monkeypatch.setenv("COLUMNS", "60")
    result = repo.run("katas/")
    lines = page(result, "pytest-katas: your progress")
    assert len(lines) <= PAGE, "\n".join(lines)
    assert all(width(line) <= 60 for line in lines), "\n".join(lines)
    words_on_page = " ".join(" ".join(lines).split())
    assert "more failing steps (pytest katas/basics/test_adding.py --full-report" in words_on_page
    assert lines[-2].strip() == "pytest --hint katas/basics/test_adding.py"


def test_plain_mode_comes_on_by_itself_where_the_bars_cannot_be_shown(repo: KataRepo) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "katas/", "-p", "no:cacheprovider"],
        cwd=repo.root,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": "80"},
        capture_output=True,
        check=False,
    )
    output = result.stdout.decode("ascii")  # raises if anything is not ASCII
    assert "All katas: 0 of 3 katas solved, 0 of 4 steps passed" in output


def test_without_plain_mode_the_bars_and_colours_are_there(repo: KataRepo) -> None:
    result = repo.pytester.runpytest_subprocess("katas/", "--color=yes")
    output = result.stdout.str()
    assert "░" in output and "\x1b[" in output
    assert "katas solved" not in output


def test_chinese_is_measured_in_display_columns_and_wrapped_between_characters() -> None:
    text = "生成器表达式是惰性的：在有人要值之前什么都不执行。"
    assert width(text) == 2 * len(text)
    lines = wrap(text, 20)
    assert all(width(line) <= 20 for line in lines)
    assert "".join(lines) == text
    # closing punctuation stays with the character before it
    assert not any(line.startswith(("，", "。", "：")) for line in lines)


def test_a_quoted_source_line_is_continued_under_its_gutter() -> None:
    quoted = "  -> 54 |     assert files == (__ if sys.version_info >= (3, 13) else __)"
    lines = fit(quoted, 40)
    assert lines[0].startswith("  -> 54 |")
    assert all(line.startswith("        | ") for line in lines[1:])
    assert all(width(line) <= 40 for line in lines)
    assert " ".join(line.split("| ", 1)[1].strip() for line in lines) == quoted.split("| ", 1)[
        1
    ].strip().replace("  ", " ")


KATA = "katas/generators/test_laziness.py"
COMMANDS_IN_PROSE = [
    # (message table, key, values, the command the text gives, filled in)
    (shipped.say, "changed", {"path": KATA, "where": "line 12"}, f"pytest --reset {KATA}"),
    (catalog.say, "missing-kata", {"path": KATA}, f"pytest --reset {KATA}"),
    (hints.say, "again", {"path": KATA}, f"pytest --hint {KATA}"),
    (hints.say, "solved", {"path": KATA}, f"pytest --solution {KATA}"),
    (hints.say, "no-more", {"path": KATA}, f"pytest {KATA}"),
    (solutions.say, "locked", {"path": KATA, "title": "Laziness"}, f"pytest --hint {KATA}"),
    (solutions.say, "whole-file", {"path": KATA}, f"pytest --solution {KATA} --full"),
    (report.say, "more-working-on", {"count": 3, "katas": "katas"}, "pytest katas -v"),
    (report.say, "lines-above", {"count": 3, "path": KATA}, f"pytest {KATA} --full-report"),
]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(
    ("table", "key", "values", "command"),
    COMMANDS_IN_PROSE,
    ids=[key for _, key, _, _ in COMMANDS_IN_PROSE],
)
def test_a_command_in_a_paragraph_is_never_broken_across_lines(
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    table: Messages,
    key: str,
    values: dict[str, object],
    command: str,
) -> None:
    """A command broken over two lines does not work when it is copied: at every width the
    report is laid out for, each command a paragraph gives is on one line, whole."""
    monkeypatch.setitem(shell.COMMANDS, "pytest", lambda: "pytest")
    set_language(language)
    try:
        text = table(key, **values)
    finally:
        set_language("en")
    assert command in text
    for columns in range(60, 121):
        lines = wrap(text, columns, indent="! ", subsequent="  ")
        assert all(width(line) <= columns for line in lines), lines
        assert any(command in line for line in lines), (columns, lines)
        assert "".join("".join(lines).split()) == "".join(f"! {text}".split())  # nothing lost


def test_a_command_longer_than_a_line_is_broken_between_its_words() -> None:
    command = f"/home/learner/a/long/path/to/.venv/bin/pytest --hint {KATA}"
    lines = wrap(f"Run {command} now.", 60)
    assert all(width(line) <= 60 for line in lines)
    assert " ".join(lines) == f"Run {command} now."
    assert lines[1].startswith(f"{KATA} ")  # broken at a space, never inside the path


@pytest.mark.parametrize("language", ["en", "zh"])
def test_hint_and_solution_fit_the_terminal_too(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    paths = build_tree(repo, monkeypatch)
    repo.write(paths[0], repo.read(paths[0].replace("katas/", "solutions/", 1)))
    repo.run("katas/", f"--lang={language}")
    monkeypatch.setenv("COLUMNS", "60")
    for command in (["--hint"], ["--hint", paths[5]], ["--solution"], ["--solution", "--full"]):
        result = repo.run(*command, f"--lang={language}")
        lines = [ESCAPE.sub("", line) for line in result.outlines if line.strip()]
        assert lines, command
        too_wide = [line for line in lines if width(line) > 60]
        assert not too_wide, (command, too_wide)
