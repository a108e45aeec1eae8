"""English and Simplified Chinese: how the language is chosen; everything exists in both."""

from __future__ import annotations

import importlib
import io
import pkgutil
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

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
        (None, {"LANG": "xx_XX.UTF-8"}, "en"),
        (None, {"LANG": "C"}, "en"),
        (None, {"PYTEST_KATAS_LANG": "xx", "LANG": "zh_CN.UTF-8"}, "zh"),
    ],
)
def test_the_language_comes_from_the_option_then_the_variable_then_the_locale(
    option: str | None, environ: dict[str, str], language: str
) -> None:
    assert i18n.choose_language(option, environ) == language


def test_an_unknown_language_option_is_refused() -> None:
    with pytest.raises(ValueError, match="xx"):
        i18n.choose_language("xx", {})


# --- the gettext catalogs (pytest_katas/locale, see i18n.py) ------------------------------------

PACKAGE = Path(pytest_katas.__file__).parent
CATALOGS = sorted(PACKAGE.glob(f"locale/*/LC_MESSAGES/{i18n.DOMAIN}.po"))
MESSAGES_COMMAND = "nox -s messages"


def extracted() -> set[str | tuple[str, str]]:
    """Every message of the package's Messages tables, as Babel extracts them for the catalogs
    (the keywords of `nox -s messages`)."""
    keywords = {**DEFAULT_KEYWORDS, "N_plural": (1, 2)}
    found: set[str | tuple[str, str]] = set()
    for _, _, message, _, _ in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add(message if isinstance(message, str) else (message[0], message[1]))
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_there_is_a_chinese_catalog_and_each_catalog_is_a_language() -> None:
    languages = [path.parents[1].name for path in CATALOGS]
    assert "zh" in languages
    assert ("en", *languages) == i18n.LANGUAGES


def test_every_message_is_extracted_and_every_table_marks_its_english() -> None:
    """The tables are what Babel extracts: a message written without N_ would never reach a
    catalog (and would be said in English whatever the language)."""
    for module in pkgutil.walk_packages(pytest_katas.__path__, "pytest_katas."):
        importlib.import_module(module.name)
    messages = extracted()
    assert len(messages) >= 300
    assert ("1 item", "{count} items") in messages  # a plural
    assert "pytest-katas: your progress" in messages
    # a table entry written without N_ or N_plural would not be extracted: every one is
    assert len(i18n.TABLES) >= 20
    unmarked = [
        source for table in i18n.TABLES for source in table.table.values() if source not in messages
    ]
    assert unmarked == []


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.parents[1].name)
def test_a_catalog_has_no_missing_fuzzy_untranslated_or_obsolete_entry(path: Path) -> None:
    with path.open("rb") as file:
        catalog = read_po(file)
    entries = {
        message.id if isinstance(message.id, str) else tuple(message.id): message
        for message in catalog
        if message.id
    }
    messages = extracted()
    relative = path.relative_to(PACKAGE.parent)
    missing = sorted(map(str, messages - set(entries)))
    assert not missing, f"{relative} lacks {missing[0]!r}: run {MESSAGES_COMMAND}, translate"
    obsolete = sorted(map(str, set(entries) - messages)) + [
        str(m.id) for m in catalog.obsolete.values()
    ]
    assert not obsolete, f"{relative}: obsolete {obsolete[0]!r}: delete its #~ lines"
    for key, message in entries.items():
        assert not message.fuzzy, f"{relative}: {key!r} is fuzzy: check the translation"
        strings = message.string
        translated = [strings] if isinstance(strings, str) else list(strings or ())
        assert translated and all(translated), f"{relative}: {key!r} is not translated"
        sources = [key] if isinstance(key, str) else list(key)
        expected = set().union(*map(fields, sources))
        for text in translated:
            # the plural's forms may leave out {count}; every other field must be there
            assert fields(text) <= expected, f"{relative}: {key!r} names a field not in English"
            assert expected - fields(text) <= {"count"}, f"{relative}: {key!r} drops a field"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.parents[1].name)
def test_the_compiled_catalog_is_the_catalog(path: Path) -> None:
    with path.open("rb") as file:
        catalog = read_po(file)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert path.with_suffix(".mo").read_bytes() == compiled.getvalue(), (
        f"{path.with_suffix('.mo').name} is older than its .po: run {MESSAGES_COMMAND}"
    )


def test_adding_a_language_is_adding_a_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new folder under locale/ with a compiled catalog is a language: no code changes."""
    locale = tmp_path / "locale"
    shutil.copytree(PACKAGE / "locale", locale)
    # a made-up code, so that no real catalog is in the way
    new = Catalog(locale="en")
    new.add("pytest-katas: your progress", "pytest-katas : votre progression")
    (locale / "xx" / "LC_MESSAGES").mkdir(parents=True)
    with (locale / "xx" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo").open("wb") as file:
        write_mo(file, new)
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    assert "xx" in i18n._catalog_languages()
    monkeypatch.setattr(i18n, "LANGUAGES", ("en", *i18n._catalog_languages()))
    assert i18n.choose_language(None, {"LANG": "xx_XX.UTF-8"}) == "xx"
    from pytest_katas.report import say

    i18n.set_language("xx")
    try:
        assert say("heading") == "pytest-katas : votre progression"
        assert say("all-katas") == "All katas"  # not translated yet: English
    finally:
        i18n.set_language("en")
        i18n.translations.cache_clear()


def test_a_plural_message_takes_its_form_from_the_count() -> None:
    from pytest_katas.report import say

    assert say("not-started", count=1) == "Not started yet: 1 kata (still as shipped)."
    assert say("not-started", count=2) == "Not started yet: 2 katas (still as shipped)."
    i18n.set_language("zh")
    try:
        assert say("not-started", count=1) == "还没开始：1 个练习（仍是原样）。"
    finally:
        i18n.set_language("en")


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
        "  pytest --lang zh --hint katas/basics/test_adding.py" in output
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
    result = repo.run("katas/", "--lang=xx")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    languages = ", ".join(i18n.LANGUAGES)
    result.stderr.fnmatch_lines(
        [f"ERROR: --lang=xx is not a language of pytest-katas; use one of: {languages}"]
    )


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


def test_a_language_typed_with_lang_is_kept_in_every_printed_command(repo: KataRepo) -> None:
    """`--lang zh` typed once: the commands the report prints carry it, so running one as printed
    speaks Chinese too (the environment's language needs no option)."""
    report = repo.run("katas/", "--lang=zh").stdout.str()
    assert "  pytest --lang zh --hint katas/basics/test_adding.py" in report
    hint = repo.run("--lang", "zh", "--hint", "katas/basics/test_adding.py")
    hint.stdout.fnmatch_lines(["katas/basics/test_adding.py「加法」的提示，第 1 条（共 2 条）"])
    assert "再运行一次 pytest --lang zh --hint katas/basics/test_adding.py" in hint.stdout.str()
    # chosen by the environment: the commands stay as they are
    assert "  pytest --hint katas/basics/test_adding.py" in repo.run("katas/").stdout.str()


@pytest.mark.parametrize("where", [["--lang", "zh", "init"], ["init", "--lang", "zh"]])
def test_every_subcommand_of_pytest_katas_takes_lang(tmp_path: Path, where: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest_katas.cli", *where, "ws"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("下一步：cd ws && ")
    assert done.stdout.splitlines()[-1].endswith(" --lang zh katas/")
