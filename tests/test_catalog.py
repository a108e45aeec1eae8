"""The catalog on its own: which katas the manifests make, in which order, with which ids, titles,
lessons, hints and translations, and the one-line problem each broken manifest gives (the file it
names, what to do). A mistake here hides a kata, files a learner's progress under the wrong id, or
sends a maintainer to fix the wrong thing."""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from pytest_katas.catalog import (
    FORMAT_DOC,
    Catalog,
    CatalogProblem,
    Topic,
    Translation,
    _fingerprint,
    _read_hints,
    display_path,
    iter_kata_modules,
    read_source,
)
from tests.kata_repo import (
    ADDING_KATA,
    BASICS_TOPIC,
    COUNTING_KATA,
    MORE_TOPIC,
    STRINGS_KATA,
    make_kata,
)

# the repository of tests/kata_repo.py: two topics, three katas
REPOSITORY = {
    "katas/curriculum.toml": 'topics = ["basics", "more"]\ntranslations = ["zh"]\n',
    "katas/basics/topic.toml": BASICS_TOPIC,
    "katas/more/topic.toml": MORE_TOPIC,
    "katas/basics/test_adding.py": ADDING_KATA,
    "katas/basics/test_counting.py": COUNTING_KATA,
    "katas/more/test_strings.py": STRINGS_KATA,
}

ENTRY: dict[str, Any] = {
    "id": "adding",
    "file": "test_adding.py",
    "title": "Adding numbers",
    "hints": ["Count on your fingers.", "The first answer is 2."],
}
ZH: dict[str, Any] = {"title": "加法", "lesson": "一加一等于二。", "hints": ["数手指。", "是 2。"]}

BASICS_MANIFEST = "katas/basics/topic.toml"
HINTS_RULE = 'needs hints = ["…", "…"], a list of 2 to 4 non-empty strings'


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def load(root: Path, changes: dict[str, str] | None = None) -> Catalog:
    """The catalog of REPOSITORY written in `root`, with `changes` (files replaced or added)."""
    write(root, {**REPOSITORY, **(changes or {})})
    return Catalog.load(root, root / "katas")


def table(header: str, fields: dict[str, Any]) -> str:
    """A TOML table (JSON writes strings, numbers and lists as TOML does); None leaves a key out."""
    lines = [
        f"{key} = {json.dumps(value, ensure_ascii=False)}"
        for key, value in fields.items()
        if value is not None
    ]
    return "\n".join([header, *lines]) + "\n\n"


def entry(translation: dict[str, Any] | None = ZH, **changes: Any) -> str:
    """The adding kata's `[[katas]]` table with `changes`, and its `[katas.zh]` table."""
    text = table("[[katas]]", {**ENTRY, **changes})
    return text if translation is None else text + table("[katas.zh]", translation)


def basics(root: Path, manifest: str, modules: tuple[str, ...] = ("test_adding.py",)) -> Catalog:
    """The catalog of one topic, basics, with `manifest` as its topic.toml and kata `modules`."""
    files = {
        "katas/curriculum.toml": 'topics = ["basics"]\ntranslations = ["zh"]\n',
        BASICS_MANIFEST: manifest,
    }
    write(root, files | {f"katas/basics/{module}": ADDING_KATA for module in modules})
    return Catalog.load(root, root / "katas")


def topic_with(*entries: str) -> str:
    return 'title = "Basics"\n\n' + "".join(entries)


def problems(catalog: Catalog) -> list[str]:
    return [str(problem) for problem in catalog.problems]


def reading_error(path: Path) -> str:
    """What reading `path` as TOML raises (tomllib, or tomli before Python 3.11): the catalog's
    message must quote it."""
    parser = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    # TOMLDecodeError and UnicodeDecodeError are ValueErrors
    with pytest.raises((OSError, ValueError)) as caught, path.open("rb") as file:
        parser.load(file)
    return str(caught.value)


def set_mtime(path: Path, mtime_ns: int) -> None:
    os.utime(path, ns=(mtime_ns, mtime_ns))


# --- the order and the entries ------------------------------------------------------------------


def test_katas_come_in_curriculum_order_then_manifest_order(tmp_path: Path) -> None:
    catalog = load(tmp_path)
    assert [topic.name for topic in catalog.topics] == ["basics", "more"]
    assert [(kata.id, kata.order) for kata in catalog.katas] == [
        ("adding", 1),
        ("counting", 2),
        ("strings", 3),
    ]
    assert catalog.problems == []


def test_the_curriculum_decides_the_order_of_topics(tmp_path: Path) -> None:
    catalog = load(tmp_path, {"katas/curriculum.toml": 'topics = ["more", "basics"]\n'})
    assert [(kata.id, kata.order) for kata in catalog.katas] == [
        ("strings", 1),
        ("adding", 2),
        ("counting", 3),
    ]


def test_a_topic_listed_twice_is_loaded_once_at_its_first_place(tmp_path: Path) -> None:
    curriculum = 'topics = ["more", "basics", "more"]\n'
    catalog = load(tmp_path, {"katas/curriculum.toml": curriculum})
    assert [topic.name for topic in catalog.topics] == ["more", "basics"]
    assert [kata.order for kata in catalog.katas] == [1, 2, 3]
    assert catalog.problems == []


def test_a_kata_holds_its_manifest_entry_its_paths_and_its_place(tmp_path: Path) -> None:
    catalog = load(tmp_path)
    counting = catalog.katas[1]
    assert dataclasses.asdict(counting) == {
        "id": "counting",
        "title": "Counting with a generator",
        "hints": (
            "A generator function has yield in it.",
            "yield from range(...)",
            "range(1, n + 1)",
        ),
        "topic": "basics",
        "path": tmp_path / "katas/basics/test_counting.py",
        "display": "katas/basics/test_counting.py",
        "relpath": "basics/test_counting.py",
        "order": 2,
        "manifest": BASICS_MANIFEST,
        "hint_problem": None,
        "translations": {
            "zh": {
                "title": "用生成器计数",
                "lesson": "生成器一次产出一个值。",
                "hints": ("生成器函数里有 yield。", "yield from range(...)", "range(1, n + 1)"),
            }
        },
        "translation_problems": (),
    }


def test_a_topic_has_its_title_and_its_translated_title(tmp_path: Path) -> None:
    topic = load(tmp_path).topics[0]
    assert (topic.title, topic.title_in("zh"), topic.title_in("fr")) == ("Basics", "基础", "Basics")


def test_titles_are_stripped(tmp_path: Path) -> None:
    manifest = 'title = "  Basics  "\n\n[zh]\ntitle = " 基础 "\n\n' + entry(title="  Adding  ")
    catalog = basics(tmp_path, manifest)
    assert catalog.topics[0].title == "Basics"
    assert catalog.topics[0].translated_titles == {"zh": "基础"}
    assert catalog.katas[0].title == "Adding"


@pytest.mark.parametrize("zh", ['zh = "基础"', "[zh]\ntitle = 7", "[zh]\nname = '基础'"])
def test_a_topic_title_is_translated_only_by_a_zh_table_with_a_title(
    tmp_path: Path, zh: str
) -> None:
    topic = basics(tmp_path, f'title = "Basics"\n{zh}\n\n{entry()}').topics[0]
    assert topic.translated_titles == {}
    assert topic.title_in("zh") == "Basics"


def test_a_kata_is_shown_in_its_translation_and_in_english_otherwise(tmp_path: Path) -> None:
    kata = load(tmp_path).katas[0]
    assert (kata.title_in("zh"), kata.lesson_in("zh"), kata.hints_in("zh")) == (
        "加法",
        "一加一等于二。",
        ("数数手指。", "第一个答案是 2。"),
    )
    assert (kata.title_in("en"), kata.lesson_in("en"), kata.hints_in("en")) == (
        "Adding numbers",
        "One plus one is two.",
        ("Count on your fingers.", "The first answer is 2."),
    )


def test_hints_are_stripped(tmp_path: Path) -> None:
    kata = basics(tmp_path, topic_with(entry(hints=[" One. ", "Two.\n"]))).katas[0]
    assert kata.hints == ("One.", "Two.")


def test_a_translation_is_stripped(tmp_path: Path) -> None:
    zh = {"title": " 加法 ", "lesson": "\n一加一。\n", "hints": [" 一。", "二。 "]}
    kata = basics(tmp_path, topic_with(entry(zh))).katas[0]
    assert kata.translations == {"zh": Translation("加法", "一加一。", ("一。", "二。"))}


def test_an_order_counts_only_the_katas_that_load(tmp_path: Path) -> None:
    manifest = topic_with(
        entry(id="gone", file="test_gone.py"),
        entry(),
        entry(id="counting", file="test_counting.py"),
    )
    catalog = basics(tmp_path, manifest, ("test_adding.py", "test_counting.py"))
    assert [(kata.id, kata.order) for kata in catalog.katas] == [("adding", 1), ("counting", 2)]


# --- what a kata module gives: its steps, its lesson, its text -----------------------------------


def test_the_steps_are_the_top_level_test_functions_in_order(tmp_path: Path) -> None:
    source = (
        "def test_second():\n    def test_nested():\n        pass\n\n"
        "async def test_first():\n    pass\n\n"
        "async \t def\t test_spaced \t():\n    pass\n\n"
        "def helper():\n    pass\n\n"
        "class TestGroup:\n    def test_method(self):\n        pass\n\n"
        "def test_second():\n    pass\n"
    )
    kata = make_kata(tmp_path / "test_adding.py")
    kata.path.write_text(source, encoding="utf-8")
    # a step defined twice is one step, at its first place
    assert kata.steps == ("test_second", "test_first", "test_spaced")


def test_a_kata_module_that_cannot_be_read_has_no_steps_no_lesson_and_no_source(
    tmp_path: Path,
) -> None:
    kata = make_kata(tmp_path / "test_gone.py")
    assert (kata.source, kata.steps, kata.lesson) == (None, (), "")


@pytest.mark.parametrize(
    ("source", "lesson"),
    [
        ('"""\n    One plus one is two.\n\n    Always.\n"""\n', "One plus one is two.\n\nAlways."),
        ("import sys\n", ""),
        ('"""Unfinished.\n', ""),
    ],
    ids=["docstring", "none", "syntax-error"],
)
def test_the_lesson_is_the_module_docstring(tmp_path: Path, source: str, lesson: str) -> None:
    kata = make_kata(tmp_path / "test_adding.py")
    kata.path.write_text(source, encoding="utf-8")
    assert kata.lesson == lesson


def test_a_kata_source_is_read_again_only_when_its_modification_time_changes(
    tmp_path: Path,
) -> None:
    kata = make_kata(tmp_path / "test_adding.py")
    kata.path.write_text("first = 1\n", encoding="utf-8")
    set_mtime(kata.path, 1_000_000_000)
    assert kata.source == "first = 1\n"
    kata.path.write_text("second = 2\n", encoding="utf-8")
    set_mtime(kata.path, 1_000_000_000)
    assert kata.source == "first = 1\n"  # the cached text: same modification time
    set_mtime(kata.path, 2_000_000_000)
    assert kata.source == "second = 2\n"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"x = '\xc3\xa9'\n", "x = 'é'\n"),
        (b"\xef\xbb\xbfx = 1\n", "x = 1\n"),
        (b"x = 1\r\ny = 2\r\n", "x = 1\ny = 2\n"),
        (b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "# -*- coding: latin-1 -*-\nx = 'é'\n"),
        # bytes that do not decode: in the first two lines the cookie cannot be read either
        (b"# \xff\nx = 1\n", "# \ufffd\nx = 1\n"),
        (b"x = 1\ny = 2\n# \xff\n", "x = 1\ny = 2\n# \ufffd\n"),
        (b"# coding: ascii\n# \xc3\xa9\n", "# coding: ascii\n# \ufffd\ufffd\n"),
        (b"# coding: no-such-codec\n# \xc3\xa9\n", "# coding: no-such-codec\n# é\n"),
    ],
    ids=[
        "utf-8",
        "byte-order-mark",
        "crlf",
        "cookie",
        "bad-byte-early",
        "bad-byte-late",
        "bad-byte-for-cookie",
        "unknown-cookie",
    ],
)
def test_a_source_is_decoded_as_python_decodes_it(tmp_path: Path, data: bytes, text: str) -> None:
    path = tmp_path / "test_adding.py"
    path.write_bytes(data)
    assert read_source(path) == text


def test_reading_a_missing_source_raises_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_source(tmp_path / "test_gone.py")


# --- paths: display, lookups ---------------------------------------------------------------------


def test_a_path_is_displayed_relative_to_the_root_even_through_a_link(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "katas").mkdir(parents=True)
    (tmp_path / "link").symlink_to(root / "katas")
    kata = root / "katas/basics/test_adding.py"
    assert display_path(kata, root) == "katas/basics/test_adding.py"
    assert display_path(tmp_path / "link/basics/test_adding.py", root) == (
        "katas/basics/test_adding.py"
    )
    assert display_path(tmp_path / "elsewhere/test_x.py", root) == str(
        tmp_path / "elsewhere/test_x.py"
    )
    assert Catalog(root, root / "katas").display(kata) == "katas/basics/test_adding.py"


def test_a_kata_is_found_at_its_path_however_it_is_spelled(tmp_path: Path) -> None:
    catalog = load(tmp_path)
    counting = catalog.katas[1]
    assert catalog.kata_at(tmp_path / "katas/basics/test_counting.py") is counting
    assert catalog.kata_at(tmp_path / "katas/more/../basics/test_counting.py") is counting
    assert catalog.kata_at(tmp_path / "katas/basics/test_gone.py") is None


def test_a_kata_whose_module_is_a_link_is_found_at_the_link(tmp_path: Path) -> None:
    write(tmp_path, REPOSITORY | {"elsewhere/adding.py": ADDING_KATA})
    module = tmp_path / "katas/basics/test_adding.py"
    module.unlink()
    module.symlink_to(tmp_path / "elsewhere/adding.py")
    catalog = Catalog.load(tmp_path, tmp_path / "katas")
    assert catalog.kata_at(module) is catalog.katas[0]


@pytest.mark.parametrize(
    ("under", "ids"),
    [
        ("katas", ["adding", "counting", "strings"]),
        ("katas/basics", ["adding", "counting"]),
        ("katas/more/../basics", ["adding", "counting"]),
        ("katas/basics/test_counting.py", ["counting"]),
        ("katas/bas", []),
        ("solutions", []),
    ],
)
def test_the_katas_under_a_path_are_those_in_it_in_order(
    tmp_path: Path, under: str, ids: list[str]
) -> None:
    catalog = load(tmp_path)
    assert [kata.id for kata in catalog.katas_under(tmp_path / under)] == ids


def test_kata_modules_are_listed_in_a_stable_order_without_caches(tmp_path: Path) -> None:
    files = ["b/test_z.py", "a/sub/test_y.py", "a/test_x.py", "a/__pycache__/test_x.py"]
    write(tmp_path, dict.fromkeys([*files, "a/helper.py", "a/test_x.txt"], ""))
    assert list(iter_kata_modules(tmp_path)) == [
        tmp_path / "a/sub/test_y.py",
        tmp_path / "a/test_x.py",
        tmp_path / "b/test_z.py",
    ]


# --- the cache of loaded catalogs ----------------------------------------------------------------


def test_a_catalog_is_read_once_while_nothing_changes(tmp_path: Path) -> None:
    first = load(tmp_path)
    # the same folders, spelled otherwise, are the same catalog
    assert Catalog.load(tmp_path / "katas/..", tmp_path / "katas/basics/..") is first
    assert first.root == tmp_path
    assert first.katas_dir == tmp_path / "katas"


def test_a_catalog_is_read_again_when_a_manifest_changes(tmp_path: Path) -> None:
    load(tmp_path)
    changed = BASICS_TOPIC.replace('title = "Basics"', 'title = "Basic"')
    assert load(tmp_path, {BASICS_MANIFEST: changed}).topics[0].title == "Basic"


def test_a_catalog_is_read_again_when_a_kata_module_appears(tmp_path: Path) -> None:
    load(tmp_path)
    # no manifest is written again: only the new module can tell
    write(tmp_path, {"katas/more/test_extra.py": STRINGS_KATA})
    catalog = Catalog.load(tmp_path, tmp_path / "katas")
    assert problems(catalog) == [
        "katas/more/topic.toml: does not list test_extra.py; add a [[katas]] entry with its id, "
        "title and hints"
    ]


def test_a_catalog_is_read_again_when_the_curriculum_appears(tmp_path: Path) -> None:
    curriculum = REPOSITORY["katas/curriculum.toml"]
    write(tmp_path, {name: text for name, text in REPOSITORY.items() if text != curriculum})
    assert Catalog.load(tmp_path, tmp_path / "katas").topics == []
    write(tmp_path, {"katas/curriculum.toml": curriculum})
    catalog = Catalog.load(tmp_path, tmp_path / "katas")
    assert [topic.name for topic in catalog.topics] == ["basics", "more"]


def test_each_root_and_katas_folder_has_its_own_catalog(tmp_path: Path) -> None:
    write(tmp_path / "repo", REPOSITORY)
    from_repo = Catalog.load(tmp_path / "repo", tmp_path / "repo/katas")
    from_above = Catalog.load(tmp_path, tmp_path / "repo/katas")
    assert from_repo.katas[0].display == "katas/basics/test_adding.py"
    assert from_above.katas[0].display == "repo/katas/basics/test_adding.py"
    assert from_above.katas[0].manifest == "repo/katas/basics/topic.toml"
    write(tmp_path / "other", REPOSITORY | {"katas/curriculum.toml": 'topics = ["more"]\n'})
    other = Catalog.load(tmp_path / "repo", tmp_path / "other/katas")
    assert [kata.id for kata in other.katas] == ["strings"]


def test_the_fingerprint_sees_a_manifest_rewritten_at_the_same_size(tmp_path: Path) -> None:
    write(tmp_path, REPOSITORY)
    manifest = tmp_path / BASICS_MANIFEST
    set_mtime(manifest, 1_000_000_000)
    before = _fingerprint(tmp_path / "katas")
    assert _fingerprint(tmp_path / "katas") == before
    manifest.write_text(BASICS_TOPIC.replace("Basics", "Basix"), encoding="utf-8")
    set_mtime(manifest, 2_000_000_000)
    assert _fingerprint(tmp_path / "katas") != before


def test_the_fingerprint_sees_a_manifest_changed_at_the_same_time(tmp_path: Path) -> None:
    write(tmp_path, REPOSITORY)
    manifest = tmp_path / "katas/curriculum.toml"
    set_mtime(manifest, 1_000_000_000)
    before = _fingerprint(tmp_path / "katas")
    manifest.write_text('topics = ["basics"]\n', encoding="utf-8")
    set_mtime(manifest, 1_000_000_000)
    assert _fingerprint(tmp_path / "katas") != before


# --- problems: the curriculum --------------------------------------------------------------------


def test_a_missing_curriculum_is_named_with_what_to_write(tmp_path: Path) -> None:
    write(tmp_path, {BASICS_MANIFEST: BASICS_TOPIC})
    catalog = Catalog.load(tmp_path, tmp_path / "katas")
    assert catalog.topics == []
    assert catalog.problems == [
        CatalogProblem(
            "katas/curriculum.toml",
            'missing; create it with the topic folders in learner order: topics = ["…"]',
        )
    ]


def test_a_curriculum_that_is_not_toml_is_named_once(tmp_path: Path) -> None:
    catalog = load(tmp_path, {"katas/curriculum.toml": 'topics = ["basics"\n'})
    assert catalog.topics == []
    error = reading_error(tmp_path / "katas/curriculum.toml")
    assert problems(catalog) == [
        f"katas/curriculum.toml: not valid TOML ({error}); fix it, or restore it from git"
    ]


@pytest.mark.parametrize(
    "curriculum", ["", 'topic = ["basics"]', 'topics = "basics"', 'topics = ["basics", 1]']
)
def test_a_curriculum_without_a_list_of_folder_names_is_named(
    tmp_path: Path, curriculum: str
) -> None:
    catalog = load(tmp_path, {"katas/curriculum.toml": curriculum})
    assert catalog.topics == []
    assert problems(catalog) == [
        'katas/curriculum.toml: needs topics = ["folder", …], a list of folder names'
    ]


def test_every_topic_folder_not_in_the_curriculum_is_named(tmp_path: Path) -> None:
    catalog = load(tmp_path, {"katas/curriculum.toml": "topics = []"})
    assert catalog.topics == []
    assert problems(catalog) == [
        f"katas/{name}/topic.toml: topic not listed in curriculum.toml; "
        f'add "{name}" to topics there'
        for name in ("basics", "more")
    ]


def test_an_unlisted_topic_leaves_the_listed_ones_loaded(tmp_path: Path) -> None:
    catalog = load(tmp_path, {"katas/curriculum.toml": 'topics = ["more"]'})
    assert [kata.id for kata in catalog.katas] == ["strings"]
    assert problems(catalog) == [
        'katas/basics/topic.toml: topic not listed in curriculum.toml; add "basics" to topics there'
    ]


def test_a_listed_topic_without_its_manifest_is_named(tmp_path: Path) -> None:
    catalog = load(tmp_path, {"katas/curriculum.toml": 'topics = ["basics", "gone", "more"]'})
    assert [topic.name for topic in catalog.topics] == ["basics", "more"]
    assert problems(catalog) == [
        f"katas/gone/topic.toml: missing; every topic folder needs one (see {FORMAT_DOC})"
    ]


# --- problems: a topic's manifest ----------------------------------------------------------------


@pytest.mark.parametrize(
    "manifest",
    [b'title = "Big numbers\n', b'title = "\xff"\n', None],
    ids=["not-toml", "not-utf-8", "a-folder"],
)
def test_a_manifest_that_cannot_be_read_is_named_and_its_topic_kept(
    tmp_path: Path, manifest: bytes | None
) -> None:
    write(tmp_path, {"katas/curriculum.toml": 'topics = ["big_numbers"]\n'})
    write(tmp_path, {"katas/big_numbers/test_sum.py": ADDING_KATA})
    path = tmp_path / "katas/big_numbers/topic.toml"
    if manifest is None:
        path.mkdir()
    else:
        path.write_bytes(manifest)
    catalog = Catalog.load(tmp_path, tmp_path / "katas")
    # titled after its folder; its module is not said to be unlisted, nor its title missing
    assert catalog.topics == [Topic("big_numbers", "Big numbers", ())]
    assert problems(catalog) == [
        f"katas/big_numbers/topic.toml: not valid TOML ({reading_error(path)}); fix it, or "
        "restore it from git"
    ]


@pytest.mark.parametrize("title", ["", 'title = " "', "title = 7"])
def test_a_topic_without_a_title_is_named_and_titled_after_its_folder(
    tmp_path: Path, title: str
) -> None:
    write(tmp_path, {"katas/curriculum.toml": 'topics = ["big_numbers"]\n'})
    write(tmp_path, {"katas/big_numbers/topic.toml": f"{title}\nkatas = []\n"})
    catalog = Catalog.load(tmp_path, tmp_path / "katas")
    assert catalog.topics == [Topic("big_numbers", "Big numbers", ())]
    assert problems(catalog) == ['katas/big_numbers/topic.toml: needs a title = "…" for the topic']


def test_an_empty_topic_file_is_named_and_titled_after_its_folder(tmp_path: Path) -> None:
    write(tmp_path, {"katas/curriculum.toml": 'topics = ["big_numbers"]\n'})
    write(tmp_path, {"katas/big_numbers/topic.toml": ""})
    catalog = Catalog.load(tmp_path, tmp_path / "katas")
    assert catalog.topics == [Topic("big_numbers", "Big numbers", ())]
    assert problems(catalog) == ['katas/big_numbers/topic.toml: needs a title = "…" for the topic']


@pytest.mark.parametrize("katas", ['katas = "adding"', "[katas]\nid = 'adding'"])
def test_katas_that_are_not_a_list_of_tables_are_named(tmp_path: Path, katas: str) -> None:
    catalog = basics(tmp_path, f'title = "Basics"\n{katas}\n')
    assert catalog.katas == []
    assert problems(catalog) == [
        "katas/basics/topic.toml: katas must be [[katas]] tables, one per kata",
        "katas/basics/topic.toml: does not list test_adding.py; add a [[katas]] entry with its "
        "id, title and hints",
    ]


def test_every_module_the_manifest_does_not_list_is_named(tmp_path: Path) -> None:
    modules = ("test_adding.py", "test_b.py", "test_a.py", "helper.py")
    catalog = basics(tmp_path, topic_with(entry()), modules)
    assert [kata.id for kata in catalog.katas] == ["adding"]
    assert problems(catalog) == [
        f"katas/basics/topic.toml: does not list {module}; add a [[katas]] entry with its id, "
        "title and hints"
        for module in ("test_a.py", "test_b.py")
    ]


# --- problems: a kata's entry --------------------------------------------------------------------


def test_an_entry_that_is_not_a_table_is_named_by_its_number(tmp_path: Path) -> None:
    adding = json.dumps(ENTRY).replace('":', '" =')  # an inline table: {"id" = "adding", ...}
    catalog = basics(tmp_path, f'title = "Basics"\nkatas = [{adding}, "x"]\n')
    assert [kata.id for kata in catalog.katas] == ["adding"]
    assert problems(catalog) == ["katas/basics/topic.toml: kata #2 must be a [[katas]] table"]


@pytest.mark.parametrize("kata_id", [None, "Bad Id", "a_b", "-a", "a-", "a--b", "", 7])
def test_an_entry_without_a_good_id_is_named_by_its_number(tmp_path: Path, kata_id: Any) -> None:
    manifest = topic_with(entry(), entry(id=kata_id, file="test_counting.py"))
    catalog = basics(tmp_path, manifest, ("test_adding.py", "test_counting.py"))
    assert [kata.id for kata in catalog.katas] == ["adding"]
    assert problems(catalog) == [
        "katas/basics/topic.toml: kata #2 needs an id of lowercase letters, digits and dashes "
        f'(id = "like-this"), not {kata_id!r}',
        "katas/basics/topic.toml: does not list test_counting.py; add a [[katas]] entry with its "
        "id, title and hints",
    ]


@pytest.mark.parametrize("kata_id", ["a", "a-1", "2b-c3"])
def test_an_id_is_lowercase_letters_digits_and_dashes(tmp_path: Path, kata_id: str) -> None:
    catalog = basics(tmp_path, topic_with(entry(id=kata_id)))
    assert [kata.id for kata in catalog.katas] == [kata_id]
    assert catalog.problems == []


def test_an_id_used_twice_is_named_with_the_kata_that_has_it(tmp_path: Path) -> None:
    catalog = load(tmp_path, {"katas/more/topic.toml": MORE_TOPIC.replace('"strings"', '"adding"')})
    assert [(kata.id, kata.order) for kata in catalog.katas] == [("adding", 1), ("counting", 2)]
    assert problems(catalog) == [
        'katas/more/topic.toml: kata "adding" reuses the id of katas/basics/test_adding.py; every '
        "kata needs its own id",
        "katas/more/topic.toml: does not list test_strings.py; add a [[katas]] entry with its id, "
        "title and hints",
    ]


@pytest.mark.parametrize(
    "file", [None, "adding.py", "test_.py", "test_adding.txt", "basics/test_adding.py", 7]
)
def test_an_entry_without_a_test_module_name_is_named(tmp_path: Path, file: Any) -> None:
    catalog = basics(tmp_path, topic_with(entry(file=file)))
    assert catalog.katas == []
    assert problems(catalog) == [
        f'katas/basics/topic.toml: kata "adding" needs file = "test_….py", not {file!r}',
        "katas/basics/topic.toml: does not list test_adding.py; add a [[katas]] entry with its "
        "id, title and hints",
    ]


def test_an_entry_naming_a_module_that_does_not_exist_is_named(tmp_path: Path) -> None:
    catalog = basics(tmp_path, topic_with(entry(file="test_gone.py")), ())
    assert catalog.katas == []
    assert problems(catalog) == [
        'katas/basics/topic.toml: kata "adding" names test_gone.py, which does not exist'
    ]


@pytest.mark.parametrize("title", [None, " ", 7])
def test_a_kata_without_a_title_is_named_and_titled_after_its_module(
    tmp_path: Path, title: Any
) -> None:
    catalog = basics(
        tmp_path,
        topic_with(entry(file="test_big_numbers.py", title=title)),
        ("test_big_numbers.py",),
    )
    assert [kata.title for kata in catalog.katas] == ["big numbers"]
    assert problems(catalog) == ['katas/basics/topic.toml: kata "adding" needs a title = "…"']


# --- hints ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hints", "problem"),
    [
        (None, HINTS_RULE),
        ("One.", HINTS_RULE),
        (["One.", 2], HINTS_RULE),
        (["One.", " "], HINTS_RULE),
        ([], "has 0 hints; give it 2 to 4"),
        (["One."], "has 1 hint; give it 2 to 4"),
        (["1", "2", "3", "4", "5"], "has 5 hints; give it 2 to 4"),
    ],
)
def test_hints_that_break_the_rule_are_named_and_none_are_given(
    tmp_path: Path, hints: Any, problem: str
) -> None:
    catalog = basics(tmp_path, topic_with(entry(hints=hints)))
    kata = catalog.katas[0]
    assert kata.hints == ()
    assert kata.hint_problem == f'kata "adding" {problem}'
    assert problems(catalog) == [f'katas/basics/topic.toml: kata "adding" {problem}']


@pytest.mark.parametrize("count", [2, 3, 4])
def test_a_kata_has_two_to_four_hints(count: int) -> None:
    hints = [f"Hint {number}." for number in range(count)]
    assert _read_hints(hints) == (tuple(hints), None)


# --- translations: a maintainer's problems, not the learner's ------------------------------------


@pytest.mark.parametrize(
    ("translation", "kata_problems"),
    [
        (
            {},
            [
                'needs title = "…" in its [katas.zh] table',
                'needs lesson = """…""" in its [katas.zh] table',
                f"[katas.zh] {HINTS_RULE}",
            ],
        ),
        ({**ZH, "title": " "}, ['needs title = "…" in its [katas.zh] table']),
        ({**ZH, "lesson": " "}, ['needs lesson = """…""" in its [katas.zh] table']),
        ({**ZH, "hints": ["一。"]}, ["[katas.zh] has 1 hint; give it 2 to 4"]),
        (
            {**ZH, "hints": ["一。", "二。", "三。"]},
            ["has 3 hints in [katas.zh] but 2 in English; translate every hint"],
        ),
    ],
    ids=["empty", "title", "lesson", "hint-count", "hints-not-as-in-english"],
)
def test_what_a_translation_lacks_is_kept_with_the_kata(
    tmp_path: Path, translation: dict[str, Any], kata_problems: list[str]
) -> None:
    catalog = basics(tmp_path, topic_with(entry(translation)))
    assert catalog.katas[0].translation_problems == tuple(
        f'kata "adding" {problem}' for problem in kata_problems
    )
    assert catalog.problems == []


@pytest.mark.parametrize("zh", [None, "加法"])
def test_a_kata_without_a_zh_table_is_named_and_shown_in_english(tmp_path: Path, zh: Any) -> None:
    kata = basics(tmp_path, topic_with(entry(None, zh=zh))).katas[0]
    assert kata.translation_problems == (
        'kata "adding" has no [katas.zh] table with its title, lesson and hints in zh',
    )
    assert kata.translations == {}
    assert kata.title_in("zh") == "Adding numbers"


@pytest.mark.parametrize(
    ("translation", "used"),
    [
        (ZH, True),
        ({**ZH, "hints": ["一。", "二。", "三。"]}, True),
        ({**ZH, "title": None}, False),
        ({**ZH, "lesson": None}, False),
        ({**ZH, "hints": ["一。", ""]}, False),
    ],
    ids=["whole", "other-hint-count", "no-title", "no-lesson", "bad-hints"],
)
def test_a_translation_is_used_only_with_its_title_lesson_and_readable_hints(
    tmp_path: Path, translation: dict[str, Any], used: bool
) -> None:
    kata = basics(tmp_path, topic_with(entry(translation))).katas[0]
    assert ("zh" in kata.translations) is used
    assert kata.title_in("zh") == ("加法" if used else "Adding numbers")
