"""A translation records the English it translates: `pytest solutions/` names the field whose
English changed since, and `pytest-katas translations` lists them and, with --refresh, records the
English again without touching anything else in topic.toml (pytest_katas/translations.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_katas import translations as translations_module
from pytest_katas.catalog import Catalog, parse_toml
from pytest_katas.cli import main
from pytest_katas.translations import fingerprint, hints_fingerprint, normalised, read_records
from tests.kata_repo import ADDING_KATA, SOLUTIONS, KataRepo

BASICS = "katas/basics/topic.toml"
MORE = "katas/more/topic.toml"
REFRESH = "then run: pytest-katas translations --refresh"


def flat(result: pytest.RunResult) -> str:
    return result.stdout.str()


def change(repo: KataRepo, relative: str, old: str, new: str) -> None:
    text = repo.read(relative)
    assert text.count(old) == 1, old
    repo.write(relative, text.replace(old, new))


def set_lesson(repo: KataRepo, docstring: str) -> None:
    """Give the adding kata, and its solution (which must stay the kata with its blanks filled),
    the module docstring `docstring` (the English lesson), and record the kata as shipped, as its
    maintainer does."""
    for relative, source in (
        ("katas/basics/test_adding.py", ADDING_KATA),
        ("solutions/basics/test_adding.py", SOLUTIONS["basics/test_adding.py"]),
    ):
        repo.write(relative, source.replace('"""One plus one is two."""', docstring))
    repo.record_tree()


def translations(*args: str, root: Path | None = None) -> int:
    """`pytest-katas translations ARGS` in this process (with `--root root` when given)."""
    return main(["translations", *args, *(["--root", str(root)] if root else [])])


def without_records(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("translates = ")]


def catalog_texts(root: Path) -> list[object]:
    """Everything the catalog reads from the manifests and lessons, in English and translated."""
    catalog = Catalog.load(root, root / "katas")
    return [
        *((topic.name, topic.title, topic.translated_titles) for topic in catalog.topics),
        *(
            (kata.id, kata.title, kata.lesson, kata.hints, kata.translations)
            for kata in catalog.katas
        ),
        [str(problem) for problem in catalog.problems],
    ]


# --- the fingerprint -----------------------------------------------------------------------------


def test_re_wrapping_a_text_keeps_its_fingerprint_and_a_new_paragraph_does_not() -> None:
    text = "One plus one is two,\nwhatever you count.\n\nFingers work too."
    assert normalised(text) == "One plus one is two, whatever you count.\n\nFingers work too."
    assert fingerprint(text) == fingerprint(
        "  One plus one is\n  two, whatever   you count.\n \t\n  Fingers work too.\n"
    )
    assert fingerprint(text) != fingerprint(text.replace("\n\n", " "))
    assert fingerprint(text) != fingerprint(text.replace("two", "2"))


def test_hints_keep_their_boundaries() -> None:
    assert hints_fingerprint(["a b", "c"]) == hints_fingerprint(["a\n  b", " c "])
    assert hints_fingerprint(["a", "b"]) != hints_fingerprint(["a b"])
    assert hints_fingerprint(["a", "b"]) != hints_fingerprint(["a\n\nb"])
    assert hints_fingerprint(["a", "b"]) != hints_fingerprint(["b", "a"])


# --- pytest solutions/ ---------------------------------------------------------------------------


def test_translations_of_the_english_as_it_is_pass(repo: KataRepo) -> None:
    result = repo.run("solutions/", "-v")
    assert result.ret == pytest.ExitCode.OK, flat(result)
    result.stdout.fnmatch_lines_random(
        [
            "solutions::catalog PASSED*",
            "solutions/basics/test_adding.py::kata-checks PASSED*",
            "solutions/more/test_strings.py::kata-checks PASSED*",
        ]
    )


def test_a_changed_english_hint_flags_the_hints_of_that_kata_only(repo: KataRepo) -> None:
    change(repo, BASICS, '"Count on your fingers."', '"Count on both hands."')
    result = repo.run("solutions/", "-v")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = flat(result)
    assert (
        f'{BASICS}: kata "adding", field hints: the English changed after [katas.zh] hints was '
        "checked against it; check that translation against the new English (hints in its "
        f"[[katas]] table), {REFRESH} adding"
    ) in output
    assert "field title" not in output
    assert "field lesson" not in output
    result.stdout.fnmatch_lines_random(
        [
            "solutions/basics/test_adding.py::kata-checks FAILED*",
            "solutions/basics/test_counting.py::kata-checks PASSED*",
            "solutions/more/test_strings.py::kata-checks PASSED*",
            "solutions::catalog PASSED*",
        ]
    )


def test_a_changed_english_title_flags_the_title(repo: KataRepo) -> None:
    change(repo, MORE, 'title = "Multiplying strings"', 'title = "Repeating strings"')
    result = repo.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = flat(result)
    assert f'{MORE}: kata "strings", field title: the English changed after [katas.zh] title' in (
        output
    )
    assert f"{REFRESH} strings" in output
    assert "field hints" not in output
    assert "field lesson" not in output


def test_a_changed_english_topic_title_flags_the_topics_title(repo: KataRepo) -> None:
    change(repo, MORE, 'title = "More"', 'title = "Further"')
    result = repo.run("solutions/", "-v")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert (
        f'{MORE}: topic "more", field title: the English changed after [zh] title was checked '
        "against it; check that translation against the new English (title at the top of "
        f"topic.toml), {REFRESH} more"
    ) in flat(result)
    result.stdout.fnmatch_lines_random(["solutions::catalog FAILED*"])


def test_re_wrapping_the_english_lesson_flags_nothing_and_rewording_it_flags_the_lesson(
    repo: KataRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    set_lesson(
        repo, '"""One plus one is two.\n\nCounting on your fingers, you get the same answer."""'
    )
    assert translations("--refresh", "adding", root=repo.root) == 0
    set_lesson(
        repo,
        '"""One plus one is two.\n\n    Counting on your fingers,\n    you get the same'
        '   answer.\n    """',
    )
    assert repo.run("solutions/").ret == pytest.ExitCode.OK
    set_lesson(
        repo, '"""One plus one is two.\n\nCounting on your toes, you get the same answer."""'
    )
    result = repo.run("solutions/")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = flat(result)
    assert (
        f'{BASICS}: kata "adding", field lesson: the English changed after [katas.zh] lesson was '
        "checked against it; check that translation against the new English (the docstring of "
        f"katas/basics/test_adding.py), {REFRESH} adding"
    ) in output
    assert "field hints" not in output
    assert "field title" not in output


def test_a_translation_without_a_record_is_flagged(repo: KataRepo) -> None:
    text = repo.read(MORE)
    repo.write(MORE, "\n".join(without_records(text)) + "\n")
    result = repo.run("solutions/", "-v")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = flat(result)
    assert (
        f'{MORE}: kata "strings": [katas.zh] does not record which English it translates '
        f"(translates = {{…}}); check the translation against the English, {REFRESH} strings"
    ) in output
    assert f'{MORE}: topic "more": [zh] does not record which English it translates' in output
    result.stdout.fnmatch_lines_random(
        ["solutions::catalog FAILED*", "solutions/more/test_strings.py::kata-checks FAILED*"]
    )


def test_a_record_missing_one_field_names_that_field(repo: KataRepo) -> None:
    change(repo, MORE, 'lesson = "19e3f6f5", ', "")
    output = flat(repo.run("solutions/more/"))
    assert (
        f'{MORE}: kata "strings", field lesson: [katas.zh] does not record which English lesson '
        "it translates (translates.lesson)"
    ) in output
    assert "field title" not in output


def test_the_check_speaks_chinese_too(repo: KataRepo) -> None:
    change(repo, BASICS, '"Count on your fingers."', '"Count on both hands."')
    result = repo.run("solutions/basics/", "--lang=zh")
    assert (
        f'{BASICS}：练习 "adding"的字段 hints：[katas.zh] 的 hints 核对之后，英文原文改过了；'
    ) in flat(result)


# --- pytest-katas translations -------------------------------------------------------------------


def test_the_command_lists_what_is_stale_with_status_1_and_nothing_with_status_0(
    repo: KataRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert translations(root=repo.root) == 0
    assert capsys.readouterr().out == (
        "Every translation records the English it translates, unchanged since.\n"
    )
    change(repo, BASICS, '"Count on your fingers."', '"Count on both hands."')
    change(repo, MORE, 'title = "Multiplying strings"', 'title = "Repeating strings"')
    assert translations("--check", root=repo.root) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 2)[1] for line in lines[:-1]] == [
        'kata "adding", field hints',
        'kata "strings", field title',
    ]
    assert lines[-1] == "2 translations to check against their English (above)."
    assert translations("strings", root=repo.root) == 1
    assert 'kata "adding"' not in capsys.readouterr().out


def test_refresh_records_the_english_and_changes_nothing_else(
    repo: KataRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    change(repo, BASICS, '"Count on your fingers."', '"Count on both hands."')
    change(repo, BASICS, 'title = "Counting with a generator"', 'title = "Counting, lazily"')
    before = repo.read(BASICS)
    texts = catalog_texts(repo.root)
    assert translations("--refresh", "adding", root=repo.root) == 0
    assert capsys.readouterr().out == f"{BASICS}: recorded the English of 1 translation\n"
    after = repo.read(BASICS)
    assert len(after.splitlines()) == len(before.splitlines())
    lines = zip(before.splitlines(), after.splitlines(), strict=True)
    changed = [pair for pair in lines if pair[0] != pair[1]]
    assert changed == [
        (
            'translates = {title = "26bcc3b4", lesson = "64309926", hints = "3602b51b"}',
            f'translates = {{title = "26bcc3b4", lesson = "64309926", hints = '
            f'"{hints_fingerprint(["Count on both hands.", "The first answer is 2."])}"}}',
        )
    ]
    # the counting kata was not named: still stale
    assert translations(root=repo.root) == 1
    assert 'kata "counting", field title' in capsys.readouterr().out
    assert translations("--refresh", root=repo.root) == 0
    assert without_records(repo.read(BASICS)) == without_records(before)
    assert catalog_texts(repo.root) == texts
    assert repo.run("solutions/").ret == pytest.ExitCode.OK
    assert translations("--refresh", root=repo.root) == 0
    assert capsys.readouterr().out.endswith("Every record is current: nothing written.\n")


def test_refresh_adds_a_missing_record_in_its_table_keeping_comments_and_layout(
    repo: KataRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = (
        "# the more topic\n"
        'title = "More"  # English\n\n'
        "[zh]\n"
        'title = "更多"\n\n'
        "[[katas]]\n"
        'id = "strings"\n'
        'file = "test_strings.py"\n'
        'title = "Multiplying strings"\n'
        "hints = [\n"
        '    "Repetition.",  # first\n'
        '    "Twice ab.",\n'
        "]\n\n"
        "[katas.zh]\n"
        'title = "字符串乘法"\n'
        'lesson = """\n字符串可以相乘。\n"""\n'
        'hints = ["重复。", "两次 ab。"]  # 提示\n\n'
        "# the end\n"
    )
    repo.write(MORE, manifest)
    texts = catalog_texts(repo.root)
    assert translations("--refresh", root=repo.root) == 0
    assert capsys.readouterr().out == f"{MORE}: recorded the English of 2 translations\n"
    after = repo.read(MORE)
    assert after == manifest.replace(
        'title = "更多"\n', 'title = "更多"\ntranslates = {title = "d47d7cb0"}\n'
    ).replace(
        "# 提示\n",
        '# 提示\ntranslates = {title = "5e532706", lesson = "19e3f6f5", hints = "2677a28a"}\n',
    )
    assert catalog_texts(repo.root) == texts
    parsed = parse_toml(after)
    assert parsed is not None
    assert parsed["katas"][0]["zh"]["translates"]["hints"] == "2677a28a"
    assert repo.run("solutions/more/").ret == pytest.ExitCode.OK


def test_refresh_updates_a_record_written_by_hand_in_place(
    repo: KataRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    change(
        repo,
        MORE,
        'translates = {title = "5e532706", lesson = "19e3f6f5", hints = "2677a28a"}',
        "translates.title = \"5e532706\"  # checked\ntranslates.lesson = 'old'\n"
        'translates.hints = "2677a28a"',
    )
    assert translations("--refresh", "strings", root=repo.root) == 0
    assert (
        'translates.title = "5e532706"  # checked\ntranslates.lesson = "19e3f6f5"\n'
        'translates.hints = "2677a28a"\n'
    ) in repo.read(MORE)


def test_the_command_finds_the_tree_from_a_folder_inside_it(
    repo: KataRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    change(repo, BASICS, '"Count on your fingers."', '"Count on both hands."')
    monkeypatch.chdir(repo.root / "katas" / "more")
    assert translations() == 1
    assert 'kata "adding", field hints' in capsys.readouterr().out


def test_no_tree_is_one_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert translations(root=tmp_path) == 1
    error = capsys.readouterr().err
    assert error == (
        f"pytest-katas translations: no kata tree at or above {tmp_path}: no folder there holds "
        "katas/curriculum.toml; name the tree's root with --root\n"
    )


def test_an_unknown_name_is_a_usage_error(
    repo: KataRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        translations("--refresh", "no-such-kata", root=repo.root)
    assert exit_info.value.code == 2
    assert "no kata id or topic folder in katas is no-such-kata" in capsys.readouterr().err
    assert repo.read(BASICS).count("translates = ") == 3


def test_a_named_kata_without_a_translation_is_said_and_status_1(
    repo: KataRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write(MORE, repo.read(MORE).split("[katas.zh]")[0])
    assert translations("--refresh", "strings", root=repo.root) == 1
    assert (
        f'pytest-katas translations: {MORE}: kata "strings" has no readable [katas.zh] translation'
    ) in capsys.readouterr().err


def test_refresh_writes_into_a_translation_written_as_an_inline_table(
    repo: KataRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    text = repo.read(MORE).split("[katas.zh]")[0].rstrip("\n")
    inline = (
        'zh = { title = "字符串乘法", lesson = "字符串可以相乘。", '
        'hints = ["重复。", "两次 ab。"] }'
    )
    repo.write(MORE, f"{text}\n{inline}\n")
    texts = catalog_texts(repo.root)
    assert translations("--refresh", "--translation", "zh", "strings", root=repo.root) == 0
    assert repo.read(MORE).endswith(
        f'{inline[:-2]}, translates = {{title = "5e532706", lesson = "19e3f6f5", '
        'hints = "2677a28a"}}\n'
    )
    assert catalog_texts(repo.root) == texts
    assert translations("strings", root=repo.root) == 0


def test_refresh_leaves_a_file_alone_when_it_would_read_differently(
    repo: KataRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The safety net of `rewrite_records`: a rewrite that does not read back as the records
    wanted (here made so) writes nothing, and says so; the other files are written."""
    change(repo, BASICS, '"Count on your fingers."', '"Count on both hands."')
    change(repo, MORE, 'title = "Multiplying strings"', 'title = "Repeating strings"')
    before = repo.read(BASICS)
    real = translations_module._records

    def lost_in_basics(data: dict[str, object], wanted: object) -> object:
        found = real(data, wanted)  # type: ignore[arg-type]
        return {} if ("adding", "zh") in found else found

    monkeypatch.setattr(translations_module, "_records", lost_in_basics)
    assert translations("--refresh", root=repo.root) == 1
    output = capsys.readouterr()
    assert output.out == f"{MORE}: recorded the English of 1 translation\n"
    assert output.err == (
        f"pytest-katas translations: {BASICS}: left as it was, since recording the English there "
        "would change more than its translates lines (the records would read differently); "
        "write them by hand\n"
    )
    assert repo.read(BASICS) == before


def test_records_of_a_manifest_that_cannot_be_read_are_none(tmp_path: Path) -> None:
    assert read_records(tmp_path / "topic.toml") == {}
    (tmp_path / "topic.toml").write_text('title = "x\n', encoding="utf-8")
    assert read_records(tmp_path / "topic.toml") == {}
    (tmp_path / "topic.toml").write_text(
        '[zh]\ntranslates = "7df8642f"\n\n[[katas]]\nid = "a"\n[katas.zh]\n'
        'translates = {title = 7, hints = "1234abcd", extra = "x"}\n',
        encoding="utf-8",
    )
    assert read_records(tmp_path / "topic.toml") == {("a", "zh"): {"hints": "1234abcd"}}
