"""`katas-report`: report files as one HTML page, for one learner or for a class; checked as text,
and in a real headless browser (Debian's chromium) as a screenshot and as the rendered DOM."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest

from pytest_katas.html_report import COLOURS, code_spans, main, when
from pytest_katas.i18n import LANGUAGES
from pytest_katas.json_report import SCHEMA
from tests.kata_repo import KataRepo
from tests.report_schema import assert_valid_report


@dataclass
class Reports:
    """Report files written by real learner runs of the small kata repository."""

    repo: KataRepo
    alice: Path
    bob: Path
    carol: Path

    @property
    def all(self) -> list[str]:
        return [str(self.alice), str(self.bob), str(self.carol)]


def learner_run(repo: KataRepo, learner: str, *args: str) -> Path:
    """A learner's run with a cache (so a progress file) of their own."""
    cache = f"katas_progress_file={learner}-progress.json"
    result = repo.run(
        *args, "-o", cache, f"--kata-report={learner}.json", f"--kata-learner={learner}"
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert_valid_report(repo.root / f"{learner}.json")
    return repo.root / f"{learner}.json"


PROGRESS = "katas_progress_file={}-progress.json"
"""Each learner keeps a progress file of their own."""


@pytest.fixture
def reports(repo: KataRepo) -> Reports:
    """bob tried the basics (a wrong answer to adding) and took a hint for counting; alice solved
    adding and took a hint for counting; carol (in Chinese) solved adding and strings, and wrote
    a counting that does not count. Counting is where all three are stuck; bob is stuck on adding
    too, the first kata he has to pass. (A kata run but never worked on is not started.)"""
    adding = repo.read("katas/basics/test_adding.py")
    repo.write("katas/basics/test_adding.py", adding.replace("1 + 1 == __", "1 + 1 == 3"))
    repo.run("--hint", "katas/basics/test_counting.py", "-o", PROGRESS.format("bob"))
    bob = learner_run(repo, "bob", "katas/basics/")
    repo.solve("basics/test_adding.py")
    repo.run("--hint", "katas/basics/test_counting.py", "-o", PROGRESS.format("alice"))
    alice = learner_run(repo, "alice", "katas/")
    repo.run("--hint", "katas/basics/test_adding.py", "-o", PROGRESS.format("carol"))
    repo.run("--hint", "katas/basics/test_adding.py", "-o", PROGRESS.format("carol"))
    repo.solve("more/test_strings.py")
    counting = repo.read("katas/basics/test_counting.py")
    repo.write("katas/basics/test_counting.py", counting.replace("    __\n", "    yield 1\n"))
    carol = learner_run(repo, "carol", "katas/", "--lang=zh")
    return Reports(repo, alice, bob, carol)


def make_page(tmp_path: Path, *files: str, options: tuple[str, ...] = ()) -> str:
    output = tmp_path / "page.html"
    assert main(["-o", str(output), *options, *files]) == 0
    return output.read_text(encoding="utf-8")


def learner_rows(html: str) -> dict[str, list[str]]:
    """Each learner's cells, as `status`, then `!` if the learner is stuck there, then `:hints` if
    they took hints."""
    rows = {}
    for row in re.findall(r'<tr class="learner">(.*?)</tr>', html):
        name = re.search(r'<th class="who"[^>]*>(.*?)</th>', row)
        assert name
        rows[name.group(1)] = [
            status + ("!" if on else "") + (f":{hints}" if hints else "")
            for status, on, hints in re.findall(
                r'<td class="cell (\w+)( on)?[^"]*"[^>]*>(?:<b class="hints">(\d+)</b>)?</td>', row
            )
        ]
    return rows


def assert_self_contained(html: str) -> None:
    assert "<style>" in html
    for external in ("http://", "https://", "<script", "<link", " src=", "url(", "@import"):
        assert external not in html


# --- one learner -------------------------------------------------------------------------------


def test_one_learner_gets_a_progress_bar_per_topic_in_learner_order(
    reports: Reports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = make_page(tmp_path, str(reports.alice))
    assert capsys.readouterr().out == f"Wrote {tmp_path / 'page.html'}: the progress of alice.\n"
    assert_self_contained(html)
    assert "<title>Kata progress of alice</title>" in html
    bars = re.search(r'<div class="bars" id="bars">(.*?)</div>\n', html)
    assert bars
    names = re.findall(r'<div class="name[^"]*">(.*?)</div>', bars.group(1))
    assert names == ["Basics", "More", "All katas"]
    segments = re.findall(r'<div class="bar">(.*?)</div>', bars.group(1))
    assert segments == [
        '<span class="passed" style="width:50.000%"></span>'
        '<span class="failing" style="width:50.000%"></span>',
        "",  # strings: run, never worked on: not started
        '<span class="passed" style="width:33.333%"></span>'
        '<span class="failing" style="width:33.333%"></span>',
    ]
    assert "1/2 katas · 2/3 steps · hints used: 1" in html
    assert "1/3 katas · 2/4 steps · hints used: 1" in html
    assert '<span class="badge passed">passed</span>' in html
    assert "<td>1 of 3</td>" in html  # counting: one of its three hints


def test_a_kata_not_started_leaves_its_part_of_the_bar_empty(
    reports: Reports, tmp_path: Path
) -> None:
    html = make_page(tmp_path, str(reports.bob))
    assert '<div class="bar"><span class="failing" style="width:100.000%"></span></div>' in html
    assert '<div class="bar"></div>' in html  # More: not started
    assert '<span class="badge not_started">not started</span>' in html


def test_a_learner_page_in_chinese(
    reports: Reports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = make_page(tmp_path, str(reports.carol), options=("--lang", "zh"))
    assert '<html lang="zh-CN">' in html
    assert "<title>carol 的练习进度</title>" in html
    assert "基础" in html and "加法" in html  # carol's file has the Chinese titles
    assert "已通过" in html and "首次通过" in html
    assert capsys.readouterr().out.startswith("已写入 ")


def test_titles_with_code_show_it_as_code(reports: Reports, tmp_path: Path) -> None:
    data = json.loads(reports.alice.read_text(encoding="utf-8"))
    data["katas"][0]["title"] = "`f_locals` & <friends>"
    reports.alice.write_text(json.dumps(data), encoding="utf-8")
    html = make_page(tmp_path, str(reports.alice))
    assert "<code>f_locals</code> &amp; &lt;friends&gt;" in html


@pytest.mark.parametrize(
    ("title", "html"),
    [
        ("`send()` & `throw()`", "<code>send()</code> &amp; <code>throw()</code>"),
        ("an odd ` backtick", "an odd ` backtick"),
    ],
)
def test_code_spans(title: str, html: str) -> None:
    assert code_spans(title) == html


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [
        ("2025-11-25T13:40:02+00:00", "2025-11-25 13:40 UTC"),
        ("2025-11-25T13:40:02+08:00", "2025-11-25 13:40"),
        ("2025-11-25", "2025-11-25"),
    ],
)
def test_times_are_shown_to_the_minute(stamp: str, shown: str) -> None:
    assert when(stamp) == shown


# --- a class -----------------------------------------------------------------------------------


def test_a_class_is_a_table_of_learners_against_katas(
    reports: Reports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = make_page(tmp_path, *reports.all)
    assert capsys.readouterr().out.endswith(": a class of 3 learners.\n")
    assert_self_contained(html)
    topics = re.findall(r'<th class="topic" colspan="(\d)" title="(\w+)">', html)
    assert topics == [("2", "Basics"), ("1", "More")]
    katas = re.findall(r'<th class="kata[^"]*" title="([^"]+)">', html)
    assert katas == ["Adding numbers", "Counting with a generator", "Multiplying strings"]
    assert learner_rows(html) == {
        "alice": ["passed", "failing!:1", "not_started"],
        "bob": ["failing!", "failing!:1", "not_started"],
        "carol": ["passed:2", "failing!", "passed"],
    }
    assert re.findall(r'<td class="sum">([^<]*)</td>', html) == ["1/3", "0/3", "2/3"]
    assert (
        'title="alice · Counting with a generator: failing, 0/1 steps, 1 of 3 hints used; '
        'stuck here"' in html
    )


def test_the_class_page_shows_where_most_are_stuck(reports: Reports, tmp_path: Path) -> None:
    html = make_page(tmp_path, *reports.all)
    assert (
        '<p class="banner" id="most-stuck">Most stuck: <b>Counting with a generator</b> (Basics): '
        "3 of 3 learners are stuck there.</p>" in html
    )
    assert html.index('id="most-stuck"') < html.index('id="class"')
    stuck = re.search(r'<tr class="stuck">(.*?)</tr>', html)
    assert stuck
    assert re.findall(r'<td class="(\w*)[^"]*" title="[^"]*">(\d*)</td>', stuck.group(1)) == [
        ("some", "1"),
        ("most", "3"),
        ("", ""),
    ]
    assert "; stuck here" in html and "Stuck here: learners who started the kata" in html
    done = re.search(r'<tr class="done">(.*?)</tr>', html)
    assert done
    assert re.findall(r"<td[^>]*>(\d*)</td>", done.group(1)) == ["", "2", "", "1"]


def test_nobody_stuck_is_said_so(reports: Reports, tmp_path: Path) -> None:
    for kata in ("basics/test_counting.py", "more/test_strings.py"):
        reports.repo.solve(kata)
    done = reports.repo.run("katas/", "--kata-report=done.json", "--kata-learner=dan")
    assert done.ret == pytest.ExitCode.OK
    fresh = reports.repo.run("katas/", "-k", "nothing", "-o", PROGRESS.format("eve"))
    assert fresh.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    data = assert_valid_report(reports.repo.root / "done.json")
    for kata in data["katas"]:
        kata.update(status="not_started", steps_passed=0, first_passed=None)
    data["learner"] = "eve"
    eve = reports.repo.write("eve.json", json.dumps(data))
    html = make_page(tmp_path, str(reports.repo.root / "done.json"), str(eve))
    assert "Nobody is stuck right now." in html
    assert 'class="banner calm"' in html
    assert 'class="most' not in html


def test_katas_stuck_as_often_are_all_named(reports: Reports, tmp_path: Path) -> None:
    data = json.loads(reports.bob.read_text(encoding="utf-8"))
    html = make_page(tmp_path, str(reports.bob), str(reports.bob))
    assert (
        "Most stuck: <b>Adding numbers</b> (Basics), <b>Counting with a generator</b> (Basics): "
        "2 of 2 learners are stuck at each." in html
    )
    assert "bob (bob.json)" in html  # two learners of one name are told apart by their files
    topics = [{"id": "many", "title": "Many"}]
    katas = [
        dict(data["katas"][1], id=f"k{number}", topic="many", title=f"Kata {number}")
        for number in range(5)
    ]
    many = reports.repo.write("many.json", json.dumps(dict(data, topics=topics, katas=katas)))
    html = make_page(tmp_path, str(many), str(many))
    assert "<b>Kata 2</b> (Many), and 2 more: 2 of 2 learners" in html


def test_katas_of_another_release_get_their_own_columns(reports: Reports, tmp_path: Path) -> None:
    data = json.loads(reports.bob.read_text(encoding="utf-8"))
    data["topics"].append({"id": "extra", "title": "Extra"})
    data["katas"] = [kata for kata in data["katas"] if kata["id"] != "adding"]
    data["katas"].insert(1, dict(data["katas"][0], id="subtracting", title="Subtracting"))
    data["katas"].append(dict(data["katas"][0], id="bonus", topic="extra", title="Bonus"))
    reports.bob.write_text(json.dumps(data), encoding="utf-8")
    html = make_page(tmp_path, str(reports.alice), str(reports.bob))
    katas = re.findall(r'<th class="kata[^"]*" title="([^"]+)">', html)
    assert katas == [
        "Adding numbers",
        "Counting with a generator",
        "Subtracting",
        "Multiplying strings",
        "Bonus",
    ]
    assert learner_rows(html) == {
        "alice": ["passed", "failing!:1", "absent", "not_started", "absent"],
        "bob": ["absent", "failing!:1", "failing!:1", "not_started", "failing!:1"],
    }
    assert "not in that learner&#39;s report" in html
    assert 'title="alice · Bonus: not in this learner&#39;s report"' in html


def test_a_class_page_in_chinese(reports: Reports, tmp_path: Path) -> None:
    html = make_page(tmp_path, *reports.all, options=("--lang=zh_CN.UTF-8",))
    assert "<title>3 名学员的练习进度</title>" in html
    assert (
        "卡住的人最多：<b>Counting with a generator</b> (Basics)：3 名学员中有 3 名卡在这里" in html
    )
    assert "卡在这里" in html


def test_the_language_comes_from_the_environment_without_lang(
    reports: Reports, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_KATAS_LANG", "zh")
    assert "<title>alice 的练习进度</title>" in make_page(tmp_path, str(reports.alice))
    monkeypatch.setenv("PYTEST_KATAS_LANG", "en")
    assert "<title>Kata progress of alice</title>" in make_page(tmp_path, str(reports.alice))


# --- nothing a report file holds is markup ---------------------------------------------------

HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>{{7*7}}&amp;'"
"""Markup, script and template syntax, put in every text of a report file that reaches the page."""

HOSTILE_FILE = '"><img src=x onerror=alert(1)>{{7*7}}&amp;'
"""The same in a file name (no slash), which the class page shows to tell two learners apart."""

ELEMENTS = {
    *("html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "div", "span", "i", "b"),
    *("code", "table", "thead", "tbody", "tfoot", "tr", "th", "td"),
}
"""Every element the pages are made of."""


class PageParts(HTMLParser):
    """A page as a browser's parser reads it: its elements, their attributes, and its text (the
    character references decoded)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.texts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)
        self.attributes.extend(attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def attribute(self, name: str) -> list[str]:
        return [value or "" for key, value in self.attributes if key == name]


def hostile_report(path: Path, data: dict[str, Any], learner: str) -> Path:
    """A copy of a real report with HOSTILE in its learner, version, language, and in every
    topic's and kata's id, title (in and out of backticks) and path."""
    topics = {topic["id"]: f"{topic['id']}{HOSTILE}" for topic in data["topics"]}
    hostile = dict(
        data,
        learner=learner,
        plugin_version=f"1.0{HOSTILE}",
        language=f"en{HOSTILE}",
        topics=[
            {"id": topics[topic["id"]], "title": f"{topic['title']}{HOSTILE} `{HOSTILE}`"}
            for topic in data["topics"]
        ],
        katas=[
            dict(
                kata,
                id=f"{kata['id']}{HOSTILE}",
                topic=topics[kata["topic"]],
                title=f"{kata['title']}{HOSTILE} `{HOSTILE}`",
                path=f"{kata['path']}{HOSTILE}",
            )
            for kata in data["katas"]
        ],
    )
    path.write_text(json.dumps(hostile), encoding="utf-8")
    return path


def assert_nothing_is_live(html: str) -> PageParts:
    """No element, attribute or script came from the report: only the pages' own elements, no
    event handler, no URL; and the hostile text is escaped, shown as the text it is."""
    page = PageParts(html)
    assert "script" not in page.elements and "img" not in page.elements
    assert set(page.elements) <= ELEMENTS
    assert not [name for name, _ in page.attributes if name.startswith("on") or name == "src"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&amp;amp;" in html  # the text `&amp;`, not an ampersand
    assert HOSTILE in page.text  # shown as the text it is: not evaluated ({{7*7}}), not dropped
    return page


def test_nothing_a_report_holds_is_live_on_the_learner_page(
    reports: Reports, tmp_path: Path
) -> None:
    data = json.loads(reports.alice.read_text(encoding="utf-8"))
    report = hostile_report(tmp_path / "hostile.json", data, f"alice{HOSTILE}")
    html = make_page(tmp_path, str(report))
    page = assert_nothing_is_live(html)
    text, tooltips = page.text, page.attribute("title")
    assert f"Kata progress of alice{HOSTILE}" in text  # the heading, and the page's title
    assert f"pytest-katas 1.0{HOSTILE}" in text
    for kata in data["katas"]:
        assert f"{kata['title']}{HOSTILE} {HOSTILE}" in text  # the backticked part as code
        assert f"{kata['path']}{HOSTILE}" in tooltips
    for topic in data["topics"]:
        assert f"{topic['title']}{HOSTILE} {HOSTILE}" in text
    assert "{{7*7}}" in html  # left as it is: template syntax in a value is text


def test_nothing_a_report_holds_is_live_on_the_class_page(reports: Reports, tmp_path: Path) -> None:
    learner = f"bob{HOSTILE}"
    files = []
    for name, source in (("a", reports.alice), ("b", reports.bob)):
        data = json.loads(source.read_text(encoding="utf-8"))
        files.append(hostile_report(tmp_path / f"{name}{HOSTILE_FILE}.json", data, learner))
    # a kata only one of them has: a column, and a cell of the other's marked absent
    extra = json.loads(files[1].read_text(encoding="utf-8"))
    extra["katas"].append(dict(extra["katas"][-1], id=f"extra{HOSTILE}", title=f"Extra{HOSTILE}"))
    files[1].write_text(json.dumps(extra), encoding="utf-8")
    page = assert_nothing_is_live(make_page(tmp_path, *map(str, files)))
    text, tooltips = page.text, page.attribute("title")
    for name in ("a", "b"):
        # two learners of one name, told apart by their files' names
        assert f"{learner} ({name}{HOSTILE_FILE}.json)" in text
        assert f"{learner} ({name}{HOSTILE_FILE}.json)" in tooltips
    assert f"Extra{HOSTILE}" in text
    assert f"{learner} (a{HOSTILE_FILE}.json) · Extra{HOSTILE}: not in this learner's report" in (
        tooltips
    )
    for kata in extra["katas"]:
        assert kata["title"].replace("`", "") in tooltips  # the column's heading
    assert "Most stuck: " in text


# --- bad input ---------------------------------------------------------------------------------


def write_bad(folder: Path, kind: str) -> Path:
    path = folder / "bad.json"
    if kind == "missing":
        return folder / "nobody.json"
    if kind == "folder":
        return folder
    contents: dict[str, bytes | str] = {
        "not JSON": "alice,3 katas\n",
        "not UTF-8": b'{"schema": "\xff"}',
        "a list": "[]",
        "another schema": json.dumps({"schema": "someone-else/1"}),
        "a newer schema": json.dumps({"schema": "pytest-katas-report/2"}),
        "a broken field": json.dumps({"schema": SCHEMA, "learner": "x", "topics": [], "katas": 3}),
    }
    content = contents[kind]
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing", "{file} does not exist; give the path of a file written by pytest katas/"),
        ("folder", "{file} could not be read (Is a directory); check the path"),
        ("not JSON", "{file} is not JSON (Expecting value: line 1 column 1 (char 0)); give a file"),
        ("not UTF-8", "{file} is not JSON ('utf-8' codec can't decode byte 0xff"),
        (
            "a list",
            "{file}: is not a pytest-katas report (not a JSON object); write it again with ",
        ),
        ("another schema", '{file}: is not a pytest-katas report (it has no "schema": '),
        ("a newer schema", "{file} was written by a newer pytest-katas (schema "),
        ("a broken field", "{file}: generated is missing; write it again with "),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_exit_status_2(
    reports: Reports,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    message: str,
) -> None:
    bad = write_bad(tmp_path, kind)
    output = tmp_path / "class.html"
    assert main(["-o", str(output), str(reports.alice), str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("katas-report: " + message.format(file=bad))
    assert not output.exists()


def test_bad_input_is_told_in_chinese_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "zh", str(tmp_path / "nobody.json")]) == 2
    assert capsys.readouterr().err == (
        f"katas-report: {tmp_path / 'nobody.json'} 不存在；请给出由 "
        "pytest katas/ --kata-report=PATH 写出的文件路径\n"
    )


def test_an_unwritable_output_is_one_line_and_exit_status_2(
    reports: Reports, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("", encoding="utf-8")
    assert main(["-o", str(blocker / "class.html"), *reports.all]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        f"katas-report: {blocker / 'class.html'} could not be written (Not a directory); "
        "choose another file with -o PATH\n"
    )


def test_without_chromium_the_browser_test_skips_unless_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("KATAS_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium is not installed"):
        chromium()
    monkeypatch.setenv("KATAS_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="KATAS_REQUIRE_BROWSER=1 requires it"):
        chromium()


@pytest.mark.parametrize("arguments", [[], ["--lang", "xx", "alice.json"]])
def test_bad_arguments_are_a_usage_error(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_status:
        main(arguments)
    assert exit_status.value.code == 2
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith("katas-report: error: ")
    if arguments:
        languages = ", ".join(LANGUAGES)
        assert f"'xx' is not a language of pytest-katas; use one of {languages}" in error


def test_the_default_output_is_katas_report_html(
    reports: Reports, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([str(reports.alice)]) == 0
    assert (tmp_path / "katas-report.html").is_file()


def test_katas_report_is_a_console_script(reports: Reports, tmp_path: Path) -> None:
    (script,) = entry_points(group="console_scripts", name="katas-report")
    assert script.value == "pytest_katas.html_report:main"
    installed = Path(sys.executable).parent / "katas-report"
    if not installed.exists():  # pragma: no cover - an environment without the package's scripts
        pytest.skip(f"{installed} is not installed: pip install -e .")
    result = subprocess.run(
        [str(installed), "-o", str(tmp_path / "class.html"), *reports.all, str(tmp_path / "x")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"katas-report: {tmp_path / 'x'} does not exist; give the path of a file written by "
        "pytest katas/ --kata-report=PATH\n"
    )


# --- in a real browser -------------------------------------------------------------------------


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    reason = (
        "chromium is not installed, so the pages were not checked in a browser "
        "(apt-get install chromium)"
    )
    if os.environ.get("KATAS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; KATAS_REQUIRE_BROWSER=1 requires it")
    pytest.skip(reason)


def browse(browser: str, page: Path, profile: Path, *args: str) -> str:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1200,900",
        *args,
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@dataclass
class Image:
    width: int
    height: int
    rows: list[bytes]
    """RGB, three bytes a pixel."""

    def where(self, colour: str) -> list[tuple[int, int]]:
        """Every (x, y) of exactly this #rrggbb colour."""
        pixel = bytes.fromhex(colour.removeprefix("#"))
        found = []
        for y, row in enumerate(self.rows):
            start = row.find(pixel)
            while start != -1:
                if start % 3 == 0:
                    found.append((start // 3, y))
                start = row.find(pixel, start + 1)
        return found


def read_png(path: Path) -> Image:
    """A PNG of 8-bit RGB or RGBA, as chromium writes screenshots, decoded with the stdlib."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        chunk_type = data[position + 4 : position + 8]
        chunk = data[position + 8 : position + 8 + length]
        if chunk_type == b"IHDR":
            header = chunk
        elif chunk_type == b"IDAT":
            idat += chunk
        position += 12 + length
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    size = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * size
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        method, row = line[0], bytearray(line[1:])
        if method == 1:
            for i in range(size, stride):
                row[i] = (row[i] + row[i - size]) & 0xFF
        elif method == 2:
            row = bytearray((a + b) & 0xFF for a, b in zip(row, previous, strict=True))
        elif method == 3:
            for i in range(stride):
                left = row[i - size] if i >= size else 0
                row[i] = (row[i] + (left + previous[i]) // 2) & 0xFF
        elif method == 4:
            for i in range(stride):
                a = row[i - size] if i >= size else 0
                b, c = previous[i], previous[i - size] if i >= size else 0
                estimate = a + b - c
                pa, pb, pc = abs(estimate - a), abs(estimate - b), abs(estimate - c)
                near = a if pa <= pb and pa <= pc else b if pb <= pc else c
                row[i] = (row[i] + near) & 0xFF
        previous = row
        rows.append(bytes(row) if size == 3 else bytes(b for i, b in enumerate(row) if i % 4 != 3))
    return Image(width, height, rows)


def test_the_pages_in_a_headless_browser(reports: Reports, tmp_path: Path) -> None:
    browser = chromium()
    one, many = tmp_path / "alice.html", tmp_path / "class.html"
    assert main(["-o", str(one), str(reports.alice)]) == 0
    assert main(["-o", str(many), *reports.all]) == 0
    profile = tmp_path / "profile"

    # a learner: the bars are drawn, passed (green) then failing (amber), topic by topic
    dom = browse(browser, one, profile, "--dump-dom")
    for text in ("Kata progress of alice", "Basics", "More", "1/2 katas · 2/3 steps"):
        assert text in dom
    browse(browser, one, profile, f"--screenshot={tmp_path / 'alice.png'}")
    image = read_png(tmp_path / "alice.png")
    assert (image.width, image.height) == (1200, 900)
    green, amber = image.where(COLOURS["passed"]), image.where(COLOURS["failing"])
    bar_rows = {y for _, y in green} & {y for _, y in amber}
    wide = [y for y in sorted(bar_rows) if sum(1 for _, gy in green if gy == y) > 100]
    assert wide, "no bar with a passed and a failing part"
    y = wide[0]
    assert max(x for x, gy in green if gy == y) < min(x for x, ay in amber if ay == y)

    # a class: cells of every status, the most stuck named at the top and marked under the table
    dom = browse(browser, many, profile, "--dump-dom")
    for text in ("Most stuck:", "Counting with a generator", "alice", "bob", "carol"):
        assert text in dom
    browse(browser, many, profile, f"--screenshot={tmp_path / 'class.png'}")
    image = read_png(tmp_path / "class.png")
    assert (image.width, image.height) == (1200, 900)
    found = {status: image.where(COLOURS[status]) for status in COLOURS}
    for status in ("passed", "failing", "not_started", "stuck"):
        # more than the legend's 10×10 swatch: the cells are drawn
        assert len(found[status]) > 200, status
    cells = [y for _, y in found["passed"]]
    stuck = [y for _, y in found["stuck"]]
    assert min(stuck) < min(cells), "the most stuck kata is not named above the table"
    assert max(stuck) > max(cells), "the most stuck kata is not marked under the learners"
