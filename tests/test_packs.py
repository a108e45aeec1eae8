"""A pack by others: a kata tree written from the kata format alone, with no pytest configuration
at all, run with the installed plugin from its root and from a topic folder."""

from __future__ import annotations

import re

import pytest

from pytest_katas.catalog import FORMAT_DOC
from pytest_katas.shipped import TREE_RECORD
from tests.kata_repo import KataRepo

COMMAND = re.compile(r"(?<![\w/-])pytest(?![\w-])((?: (?:--?[a-z][\w-]*|[\w./-]+\.py|[\w./-]+/))*)")
"""A command as the plugin prints it: `pytest`, its options, and the paths it names."""

NEVER_AWAITED_KATA = '''\
"""Calling an async function runs none of its body: it makes a coroutine."""

from pytest_katas import __


async def job():
    return 1


def test_calling_makes_a_coroutine():
    made = job()
    assert type(made).__name__ == __
'''

LAZY_ENTRY = """
[[katas]]
id = "lazy"
file = "test_lazy.py"
title = "Calling an async function"
hints = ["What does the call return?", "Its type's name."]

[katas.zh]
title = "调用 async 函数"
lesson = "调用 async 函数不会运行函数体：它只会创建一个协程。"
hints = ["调用返回的是什么？", "它的类型名。"]
translates = {title = "3cda0f81", lesson = "907b3089", hints = "800f00c3"}
"""

PARAMETRIZED_STEPS = {
    "by a mark": """
@pytest.mark.parametrize("word", ["ab", "cd"])
def test_twice(word):
    assert word * 2 == __
""",
    "by the module's pytestmark": """
pytestmark = pytest.mark.parametrize("word", ["ab", "cd"])


def test_twice(word):
    assert word * 2 == __
""",
    "by a fixture's params": """
@pytest.fixture(params=["ab", "cd"])
def word(request):
    return request.param


def test_twice(word):
    assert word * 2 == __
""",
}

FILTER = "filterwarnings = [\"ignore:coroutine '.*' was never awaited:RuntimeWarning\"]\n"


@pytest.fixture
def pack(repo: KataRepo) -> KataRepo:
    """KataRepo's two topics, three katas and their solutions, laid out as the kata format says,
    without the pytest configuration that KataRepo writes for this repository's tests."""
    (repo.root / "pyproject.toml").unlink()
    return repo


def printed_commands(result: pytest.RunResult) -> list[list[str]]:
    """Every command the run printed, as arguments after `pytest`, each once."""
    found = (match.group(1).split() for match in COMMAND.finditer(result.stdout.str()))
    return [list(args) for args in dict.fromkeys(tuple(args) for args in found)]


def assert_each_works(pack: KataRepo, commands: list[list[str]]) -> None:
    assert commands, "the run printed no command"
    for args in commands:
        result = pack.run(*args)
        output = result.stdout.str() + result.stderr.str()
        assert result.ret in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED), (args, output)
        assert "not found" not in output, args
        assert "does not exist" not in output, args


def test_pytest_solutions_passes_every_check_without_a_pytest_configuration(
    pack: KataRepo,
) -> None:
    result = pack.run("solutions/", "-v")
    assert result.ret == pytest.ExitCode.OK, result.stdout.str()
    result.stdout.fnmatch_lines_random(
        [
            "solutions::catalog PASSED*",
            "solutions/basics/test_adding.py::kata-checks PASSED*",
            "solutions/basics/test_adding.py::same-as-kata PASSED*",
            "solutions/basics/test_adding.py::kata-fails-as-shipped::test_one_plus_one PASSED*",
            "solutions/more/test_strings.py::kata-fails-as-shipped::test_repeat PASSED*",
        ]
    )


@pytest.mark.parametrize("args", [["katas/"], []], ids=["pytest katas/", "bare pytest"])
def test_the_learners_run_at_the_root_of_a_pack(pack: KataRepo, args: list[str]) -> None:
    result = pack.run(*args)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "pytest-katas: your progress" in result.stdout.str()
    # the four steps of the three katas, and nothing of solutions/
    assert result.parseoutcomes() == {"failed": 4}
    assert pack.progress_file().is_file()


def test_a_bare_pytest_in_a_topic_folder_runs_that_topic_and_its_commands_work_there(
    pack: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    topic = pack.root / "katas" / "basics"
    monkeypatch.chdir(topic)
    result = pack.run()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines([f"rootdir: {pack.root}", "*pytest-katas: your progress*"])
    assert result.parseoutcomes() == {"failed": 3}  # the three steps of basics
    result.stdout.fnmatch_lines(["Stuck? A hint (2 of 2 left):", "  pytest --hint test_adding.py"])
    # what the run keeps is the pack's, at its root
    assert pack.progress_file().is_file()
    assert sorted(path.name for path in topic.iterdir()) == [
        "test_adding.py",
        "test_counting.py",
        "topic.toml",
    ]
    assert_each_works(pack, printed_commands(result))


def test_a_conftest_of_the_tree_above_a_topic_folder_is_read_from_there(
    pack: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack.write("conftest.py", 'def pytest_report_header():\n    return "the pack\'s conftest"\n')
    monkeypatch.chdir(pack.root / "katas" / "basics")
    result = pack.run()
    result.stdout.fnmatch_lines(["the pack's conftest"])


def test_pytest_hint_in_a_topic_folder_gives_its_hint_and_commands_that_work_there(
    pack: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(pack.root / "katas" / "more")
    pack.run()  # the learner's run of this topic: its kata is the one in focus
    result = pack.run("--hint")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        [
            "Hint 1 of 2 for test_strings.py: Multiplying strings",
            "> 1. Repetition.",
            "1 more hint left: run pytest --hint test_strings.py again for the next one.",
        ]
    )
    assert_each_works(pack, printed_commands(result))


def test_a_pack_inside_another_pytest_project_is_found_from_its_folders(
    pack: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project's configuration (its rootdir, its testpaths) is not the pack's."""
    pack.write("pyproject.toml", '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    (pack.root / "packs" / "mine").mkdir(parents=True)
    for part in ("katas", "solutions", TREE_RECORD):  # the pack, with its record of its katas
        (pack.root / part).rename(pack.root / "packs" / "mine" / part)
    monkeypatch.chdir(pack.root / "packs" / "mine")
    checks = pack.run("solutions/")
    assert checks.ret == pytest.ExitCode.OK, checks.stdout.str()
    monkeypatch.chdir(pack.root / "packs" / "mine" / "katas" / "more")
    pack.run()
    hint = pack.run("--hint")
    hint.stdout.fnmatch_lines(["Hint 1 of 2 for test_strings.py: Multiplying strings"])
    assert (pack.root / "packs" / "mine" / "katas-progress.json").is_file()


@pytest.mark.parametrize("how", PARAMETRIZED_STEPS)
def test_a_parametrized_step_is_refused_by_the_maintainer_check(pack: KataRepo, how: str) -> None:
    step = PARAMETRIZED_STEPS[how]
    for folder, step_as_written in (
        ("katas", step),
        ("solutions", step.replace("== __", "== word + word")),
    ):
        path = f"{folder}/more/test_strings.py"
        module = pack.read(path).replace("from pytest_katas", "import pytest\n\nfrom pytest_katas")
        if "pytestmark" in step:  # it parametrizes every step of the module
            module = module.replace("def test_repeat():", "def test_repeat(word):")
        pack.write(path, f"{module}\n{step_as_written}")
    result = pack.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "katas/more/test_strings.py::test_* is parametrized: a step runs once and asserts "
            "one fact; write a step for each case instead",
            f"The kata format these checks enforce: {FORMAT_DOC}",
        ]
    )
    # the check that fails is the kata's, and nothing else
    assert result.parseoutcomes()["failed"] == 1
    result.stdout.fnmatch_lines(["FAILED solutions/more/test_strings.py::kata-checks - *"])
    assert FORMAT_DOC.is_file()


def test_the_warnings_filter_of_the_curriculum_travels_with_the_kata_tree(
    pack: KataRepo,
) -> None:
    """Run apart from this repository's process, whose pytest configuration has the filter too:
    a step that never awaits a coroutine, failing last (pytest keeps its frame until the end)."""
    pack.write("katas/more/test_lazy.py", NEVER_AWAITED_KATA)
    pack.write(
        "solutions/more/test_lazy.py",
        NEVER_AWAITED_KATA.replace("== __", '== "coroutine"'),
    )
    pack.write("katas/more/topic.toml", pack.read("katas/more/topic.toml") + LAZY_ENTRY)
    pack.record_tree()  # the new kata as shipped
    unfiltered = pack.pytester.runpytest_subprocess("katas/more/test_lazy.py")
    assert "coroutine 'job' was never awaited" in unfiltered.stdout.str() + unfiltered.stderr.str()
    pack.write("katas/curriculum.toml", pack.read("katas/curriculum.toml") + FILTER)
    learner = pack.pytester.runpytest_subprocess("katas/more/test_lazy.py")
    maintainer = pack.pytester.runpytest_subprocess("solutions/")
    assert (learner.ret, maintainer.ret) == (pytest.ExitCode.TESTS_FAILED, pytest.ExitCode.OK)
    for result in (learner, maintainer):
        output = result.stdout.str() + result.stderr.str()
        assert "never awaited" not in output
        assert "warnings summary" not in output
