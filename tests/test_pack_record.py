"""A pack's own record of its katas as shipped (`katas-shipped.json`), and the languages a pack
promises (`translations` in katas/curriculum.toml): what a learner and a pack's maintainer see."""

from __future__ import annotations

import json
import re
import shlex
import subprocess

import pytest

from pytest_katas.shipped import RECORD_VARIABLE, TREE_RECORD
from tests.kata_repo import KataRepo


@pytest.fixture
def pack(repo: KataRepo, monkeypatch: pytest.MonkeyPatch) -> KataRepo:
    """KataRepo's tree as a pack: no pytest configuration, its katas recorded in the tree."""
    monkeypatch.delenv(RECORD_VARIABLE, raising=False)
    (repo.root / "pyproject.toml").unlink()
    assert (repo.root / TREE_RECORD).is_file()
    return repo


def test_a_learners_change_outside_the_blanks_of_a_packs_kata_does_not_count(
    pack: KataRepo,
) -> None:
    tampered = pack.read("katas/basics/test_adding.py").replace("1 + 1 == __", "2 == 2")
    pack.write("katas/basics/test_adding.py", tampered.replace("answer = __", "answer = 4"))
    result = pack.run("katas/basics/test_adding.py")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = result.stdout.str()
    assert "katas/basics/test_adding.py was changed outside its blanks" in output
    assert "1 + 1 == __" in output  # the line as shipped, named
    # answers in the blanks alone count
    pack.solve("basics/test_adding.py")
    assert pack.run("katas/basics/test_adding.py").ret == pytest.ExitCode.OK


def test_a_pack_without_a_record_is_told_by_the_maintainer_run_and_the_printed_command_records_it(
    pack: KataRepo,
) -> None:
    (pack.root / TREE_RECORD).unlink()
    result = pack.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = result.stdout.str()
    lines = [
        line
        for line in output.splitlines()
        if "is not in katas-shipped.json" in line and not line.startswith("FAILED")
    ]
    assert {line.split(" is not in ")[0] for line in lines} == {
        "katas/basics/test_adding.py",
        "katas/basics/test_counting.py",
        "katas/more/test_strings.py",
    }
    command = re.search(r"run (.+ -m pytest_katas\.shipped) to record", lines[0])
    assert command is not None, lines[0]
    done = subprocess.run(
        shlex.split(command.group(1)), cwd=pack.root, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    recorded = json.loads((pack.root / TREE_RECORD).read_text(encoding="utf-8"))["katas"]
    assert recorded["adding:basics/test_adding.py"] == pack.read("katas/basics/test_adding.py")
    assert pack.run("solutions/").ret == pytest.ExitCode.OK


def test_a_kata_changed_since_it_was_recorded_is_named_by_the_maintainer_run(
    pack: KataRepo,
) -> None:
    kata = pack.read("katas/more/test_strings.py")
    pack.write("katas/more/test_strings.py", kata.replace('"ab" * 2', '"ab" * 3'))
    pack.write(
        "solutions/more/test_strings.py", kata.replace('"ab" * 2 == __', '"ab" * 3 == "ababab"')
    )
    result = pack.run("solutions/")
    output = result.stdout.str()
    assert "katas/more/test_strings.py is not as recorded in katas-shipped.json: run " in output
    assert "katas/basics/test_adding.py is not" not in output


def without_chinese(topic: str) -> str:
    """A topic.toml without its Chinese tables."""
    return re.sub(r"\n\[(katas\.)?zh\]\n(?:(?!\n\[).)*", "", topic, flags=re.DOTALL)


def test_a_pack_that_promises_no_translation_needs_none(pack: KataRepo) -> None:
    for topic in ("basics", "more"):
        manifest = f"katas/{topic}/topic.toml"
        pack.write(manifest, without_chinese(pack.read(manifest)))
        assert "[katas.zh]" not in pack.read(manifest)
    pack.write("katas/curriculum.toml", 'topics = ["basics", "more"]\n')
    assert pack.run("solutions/").ret == pytest.ExitCode.OK
    # promised: every text is required in it
    pack.write("katas/curriculum.toml", 'topics = ["basics", "more"]\ntranslations = ["zh"]\n')
    result = pack.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = result.stdout.str()
    assert "has no [katas.zh] table with its title, lesson and hints in zh" in output
    assert "katas/basics/topic.toml: needs a [zh] table with the topic's title in zh" in output


def test_a_translation_the_pack_does_not_promise_is_shown_all_the_same(pack: KataRepo) -> None:
    pack.write("katas/curriculum.toml", 'topics = ["basics", "more"]\n')
    result = pack.run("--hint", "katas/basics/test_adding.py", "--lang=zh")
    result.stdout.fnmatch_lines(["katas/basics/test_adding.py「加法」的提示，第 1 条（共 2 条）"])


def test_translations_that_are_not_language_codes_are_named(pack: KataRepo) -> None:
    pack.write("katas/curriculum.toml", 'topics = ["basics", "more"]\ntranslations = "zh"\n')
    result = pack.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert (
        "katas/curriculum.toml: translations must be a list of language codes, such as "
        'translations = ["zh"]'
    ) in result.stdout.str()


def test_a_pack_inside_a_project_with_testpaths_runs_its_katas_bare_without_a_warning(
    pack: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A learner's workspace made inside a project of theirs: that project's testpaths are not
    the kata tree's."""
    project = pack.root
    tree = project / "course"
    tree.mkdir()
    for name in ("katas", "solutions", TREE_RECORD):
        (project / name).rename(tree / name)
    pack.write("pyproject.toml", '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    monkeypatch.chdir(tree)
    result = pack.run("-p", "no:cacheprovider")
    output = result.stdout.str()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert result.parseoutcomes() == {"failed": 4}  # the katas', and nothing else
    assert "No files were found in testpaths" not in output
    assert "warnings summary" not in output


def test_a_test_file_of_the_learners_own_gets_a_learners_advice_and_the_maintainer_a_maintainers(
    pack: KataRepo,
) -> None:
    pack.write("katas/basics/test_scratch.py", "def test_mine():\n    assert 1 == 1\n")
    learner = pack.run("katas/basics/").stdout.str()
    assert (
        "! katas/basics/test_scratch.py is not a kata (its topic.toml does not list it), so it "
        "runs as a test of your own; to keep a file of yours out of the run, name it without "
        "the test_ prefix"
    ) in learner
    assert "add a [[katas]] entry" not in learner
    maintainer = pack.run("solutions/").stdout.str()
    assert (
        "katas/basics/topic.toml: does not list test_scratch.py; add a [[katas]] entry with its "
        "id, title and hints"
    ) in maintainer
