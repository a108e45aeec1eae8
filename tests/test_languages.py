"""English and Simplified Chinese: how the language is chosen; everything exists in both."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import pytest_katas
from pytest_katas import i18n
from tests.kata_repo import KataRepo


@pytest.mark.parametrize(
    ("option", "environ", "language"),
    [
        (None, {}, "en"),
        ("zh", {}, "zh"),
        ("zh_CN", {"PYTEST_KATAS_LANG": "en"}, "zh"),
        (None, {"PYTEST_KATAS_LANG": "zh-Hans"}, "zh"),
        (None, {"PYTEST_KATAS_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "zh_TW.UTF-8"}, "zh"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, {"LANG": "C"}, "en"),
        (None, {"PYTEST_KATAS_LANG": "fr", "LANG": "zh_CN.UTF-8"}, "zh"),
    ],
)
def test_the_language_comes_from_the_option_then_the_variable_then_the_locale(
    option: str | None, environ: dict[str, str], language: str
) -> None:
    assert i18n.choose_language(option, environ) == language


def test_an_unknown_language_option_is_refused() -> None:
    with pytest.raises(ValueError, match="fr"):
        i18n.choose_language("fr", {})


def test_every_message_exists_in_every_language() -> None:
    for module in pkgutil.iter_modules(pytest_katas.__path__):
        importlib.import_module(f"pytest_katas.{module.name}")
    missing = [entry for table in i18n.TABLES for entry in table.missing()]
    assert missing == []
    assert len(i18n.TABLES) >= 10


def test_the_report_speaks_chinese_with_lang_zh(repo: KataRepo) -> None:
    result = repo.run("katas/", "--lang=zh")
    output = result.stdout.str()
    assert "pytest-katas：你的进度" in output
    assert "基础" in output and "全部练习" in output
    assert "下一个：katas/basics/test_adding.py" in output
    assert "加法" in output and "一加一等于二。" in output
    assert "填上 katas/basics/test_adding.py 第 7 行的空：" in output
    assert (
        "卡住了？看一条提示（共 2 条，还剩 2 条）：\n"
        "  pytest --hint katas/basics/test_adding.py" in output
    )


def test_the_environment_variable_chooses_chinese(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_KATAS_LANG", "zh")
    result = repo.run("--hint")
    result.stdout.fnmatch_lines(
        ["katas/basics/test_adding.py「加法」的提示，第 1 条（共 2 条）", "> 1. 数数手指。"]
    )


def test_the_locale_chooses_chinese(repo: KataRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTEST_KATAS_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = repo.run("--solution", "katas/basics/test_adding.py")
    result.stdout.fnmatch_lines(["katas/basics/test_adding.py（加法）的参考答案还锁着*"])


def test_english_is_the_default(repo: KataRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PYTEST_KATAS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    result = repo.run("--hint")
    result.stdout.fnmatch_lines(["Hint 1 of 2 for katas/basics/test_adding.py: Adding numbers"])


def test_an_unknown_language_is_a_usage_error(repo: KataRepo) -> None:
    result = repo.run("katas/", "--lang=fr")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: --lang=fr is not a language of pytest-katas*"])


def test_a_kata_without_chinese_fails_its_checks(repo: KataRepo) -> None:
    text = repo.read("katas/more/topic.toml")
    repo.write("katas/more/topic.toml", text.split("[katas.zh]")[0])
    result = repo.run("solutions/more/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            'katas/more/topic.toml: kata "strings" has no [katas.zh] table with its title, lesson '
            "and hints in zh"
        ]
    )


def test_chinese_hints_must_match_the_english_ones(repo: KataRepo) -> None:
    text = repo.read("katas/more/topic.toml")
    repo.write(
        "katas/more/topic.toml",
        text.replace('hints = ["重复。", "两次 ab。"]', 'hints = ["重复。", "两次。", "ab。"]'),
    )
    result = repo.run("solutions/more/")
    result.stdout.fnmatch_lines(
        [
            'katas/more/topic.toml: kata "strings" has 3 hints in [[]katas.zh] but 2 in English; '
            "translate every hint"
        ]
    )


def test_a_chinese_lesson_and_title_are_required(repo: KataRepo) -> None:
    text = repo.read("katas/more/topic.toml")
    text = text.replace('title = "字符串乘法"\n', "").replace('lesson = "字符串可以相乘。"\n', "")
    repo.write("katas/more/topic.toml", text)
    result = repo.run("solutions/more/")
    result.stdout.fnmatch_lines(
        [
            'katas/more/topic.toml: kata "strings" needs title = "…" in its [[]katas.zh] table',
            'katas/more/topic.toml: kata "strings" needs lesson = """…""" in its [[]katas.zh]*',
        ]
    )


def test_a_topic_without_a_chinese_title_fails_the_catalog_check(repo: KataRepo) -> None:
    repo.write(
        "katas/more/topic.toml",
        repo.read("katas/more/topic.toml").replace('[zh]\ntitle = "更多"\n', ""),
    )
    result = repo.run("solutions/")
    result.stdout.fnmatch_lines(
        ["katas/more/topic.toml: needs a [[]zh] table with the topic's title in zh"]
    )


def test_maintainer_messages_speak_chinese_too(repo: KataRepo) -> None:
    (repo.root / "solutions/more/test_strings.py").unlink()
    result = repo.run("solutions/", "--lang=zh")
    result.stdout.fnmatch_lines(
        ["katas/more/test_strings.py 没有参考答案：请添加 solutions/more/test_strings.py"]
    )
