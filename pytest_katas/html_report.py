"""`pytest-katas report` (or its old name, `katas-report`): one or many `--kata-report` files (see
`json_report`) as one HTML page.

    pytest-katas report -o alice.html alice.json
    pytest-katas report -o class.html alice.json bob.json carol.json

For one learner the page shows a progress bar per topic, in learner order, and every kata with its
status, steps and hints. For a class (two files or more) it shows a table of learners against katas,
the katas as columns grouped by topic in learner order, each cell coloured by status and showing
the hints used; under it, for each kata, how many learners are stuck on it (see `stuck_on`), the
most stuck highlighted, and named at the top of the page.

The page is self-contained: inline CSS, no script, no external resource, so it can be mailed or
opened offline, and written readable by others as the umask allows (a web server may serve it).
Bad input (a missing file, a file that is not JSON or not a report) is one line on stderr naming the
file and what to do, and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from html import escape
from pathlib import Path

from pytest_katas import __version__
from pytest_katas.arguments import (
    USAGE_ERROR,
    CommandLine,
    add_version,
    arguments_of,
    speaking,
)
from pytest_katas.i18n import LANGUAGES, Messages, choose_language, current_language
from pytest_katas.json_report import (
    FAILING,
    NOT_STARTED,
    PASSED,
    KataEntry,
    KataReport,
    NewerSchemaError,
    ReportFormatError,
    TopicEntry,
    kata_columns,
    read_report,
    write_text_atomically,
)

PROGRAM = "katas-report"
DEFAULT_OUTPUT = "katas-report.html"
MOST_STUCK_NAMED = 3
"""At most this many katas are named as the most stuck; the others are counted."""

COLOURS = {
    PASSED: "#2e9d4f",
    FAILING: "#f0a020",
    NOT_STARTED: "#dde1e6",
    "stuck": "#d93025",
    "stuck-some": "#f9c9c4",
}
"""The colours of the statuses, and of the stuck counts (the browser test looks for them)."""

say = Messages(
    {
        "description": {
            "en": "Turn one or many files written by pytest katas/ --kata-report=PATH into one "
            "self-contained HTML page: a learner's progress, or a class's.",
            "zh": "把 pytest katas/ --kata-report=PATH 写出的一个或多个文件合成一个独立的 HTML "
            "页面：一名学员的进度，或一个班级的进度。",
        },
        "help-reports": {
            "en": "report files (JSON) written by pytest katas/ --kata-report=PATH",
            "zh": "由 pytest katas/ --kata-report=PATH 写出的报告文件（JSON）",
        },
        "help-output": {
            "en": "the HTML file to write (default: {default})",
            "zh": "要写入的 HTML 文件（默认：{default}）",
        },
        "help-lang": {
            "en": "the language of the page and of these messages: en or zh (default: the "
            "PYTEST_KATAS_LANG environment variable, else the locale, else en)",
            "zh": "页面和提示信息的语言：en 或 zh（默认：环境变量 PYTEST_KATAS_LANG，其次是系统"
            "区域设置，否则为 en）",
        },
        "bad-lang": {
            "en": "{value!r} is not a language of katas-report; use one of {languages}",
            "zh": "katas-report 不支持语言 {value!r}；请使用 {languages} 之一",
        },
        "missing": {
            "en": "{file} does not exist; give the path of a file written by "
            "pytest katas/ --kata-report=PATH",
            "zh": "{file} 不存在；请给出由 pytest katas/ --kata-report=PATH 写出的文件路径",
        },
        "unreadable": {
            "en": "{file} could not be read ({reason}); check the path and its permissions",
            "zh": "无法读取 {file}（{reason}）；请检查路径及其权限",
        },
        "not-json": {
            "en": "{file} is not JSON ({reason}); give a file written by "
            "pytest katas/ --kata-report=PATH",
            "zh": "{file} 不是 JSON（{reason}）；请给出由 "
            "pytest katas/ --kata-report=PATH 写出的文件",
        },
        "bad-report": {
            "en": "{file}: {problem}; write it again with pytest katas/ --kata-report={file}",
            "zh": "{file}：{problem}；请用 pytest katas/ --kata-report={file} 重新生成",
        },
        "newer-report": {"en": "{file} {problem}", "zh": "{file} {problem}"},
        "not-written": {
            "en": "{path} could not be written ({reason}); choose another file with -o PATH",
            "zh": "无法写入 {path}（{reason}）；请用 -o PATH 指定另一个文件",
        },
        "wrote-one": {
            "en": "Wrote {path}: the progress of {learner}.",
            "zh": "已写入 {path}：{learner} 的进度。",
        },
        "wrote-class": {
            "en": "Wrote {path}: a class of {count} learners.",
            "zh": "已写入 {path}：{count} 名学员的班级进度。",
        },
        "title-one": {"en": "Kata progress of {learner}", "zh": "{learner} 的练习进度"},
        "title-class": {
            "en": "Kata progress of a class of {count}",
            "zh": "{count} 名学员的练习进度",
        },
        "meta-one": {
            "en": "As of {when} · written by pytest-katas {version}",
            "zh": "截至 {when} · 由 pytest-katas {version} 生成",
        },
        "meta-class": {
            "en": "{count} learners · the newest report is of {when} · page by pytest-katas "
            "{version}",
            "zh": "{count} 名学员 · 最新报告时间 {when} · 页面由 pytest-katas {version} 生成",
        },
        PASSED: {"en": "passed", "zh": "已通过"},
        FAILING: {"en": "failing", "zh": "未通过"},
        NOT_STARTED: {"en": "not started", "zh": "未开始"},
        "absent-legend": {
            "en": "not in that learner's report",
            "zh": "该学员的报告中没有此练习",
        },
        "hints-legend": {"en": "hints used", "zh": "已用提示数"},
        "all-katas": {"en": "All katas", "zh": "全部练习"},
        "counts": {
            "en": "{passed}/{total} katas · {steps_passed}/{steps_total} steps",
            "zh": "{passed}/{total} 个练习 · {steps_passed}/{steps_total} 步",
        },
        "hints-count": {"en": " · hints used: {count}", "zh": " · 已用提示：{count} 条"},
        "by-topic": {"en": "Progress by topic", "zh": "各主题进度"},
        "kata-list": {"en": "Every kata", "zh": "全部练习"},
        "column-kata": {"en": "Kata", "zh": "练习"},
        "column-status": {"en": "Status", "zh": "状态"},
        "column-steps": {"en": "Steps", "zh": "步骤"},
        "column-hints": {"en": "Hints", "zh": "提示"},
        "column-first-passed": {"en": "First passed", "zh": "首次通过"},
        "column-learner": {"en": "Learner", "zh": "学员"},
        "column-passed": {"en": "Passed", "zh": "通过"},
        "of": {"en": "{count} of {total}", "zh": "{count}/{total}"},
        "stuck-row": {"en": "Stuck here", "zh": "卡在这里"},
        "stuck-legend": {"en": "stuck here", "zh": "卡在这里"},
        "stuck-here": {"en": "; stuck here", "zh": "；卡在这里"},
        "stuck-note": {
            "en": "Stuck here: learners who started the kata and have not passed it, and have "
            "worked on it: a step of it passed, they took a hint, or it is the next kata they "
            "have to pass in learner order. (Running every kata at once starts them all; that "
            "alone is not being stuck.)",
            "zh": "卡在这里：已开始但尚未通过、并且在这个练习上下过功夫的学员：它有步骤通过过、"
            "看过它的提示，或者它是按学习顺序下一个要通过的练习。（一次运行全部练习会把它们都"
            "标为已开始，但这本身不算卡住。）",
        },
        "passed-row": {"en": "Passed", "zh": "已通过"},
        "most-stuck": {
            "en": "Most stuck: {katas}: {count} of {learners} learners are stuck there.",
            "zh": "卡住的人最多：{katas}：{learners} 名学员中有 {count} 名卡在这里。",
        },
        "most-stuck-many": {
            "en": "Most stuck: {katas}: {count} of {learners} learners are stuck at each.",
            "zh": "卡住的人最多：{katas}：{learners} 名学员中各有 {count} 名卡在这里。",
        },
        "revealed": {"en": "answers revealed", "zh": "已看答案"},
        "changed": {"en": "changed outside its blanks", "zh": "空以外被改动"},
        "and-more": {"en": "and {count} more", "zh": "另有 {count} 个"},
        "nobody-stuck": {
            "en": "Nobody is stuck right now.",
            "zh": "目前没有人卡住。",
        },
        "cell": {
            "en": "{learner} · {kata}: {status}, {steps_passed}/{steps_total} steps, "
            "{hints_used} of {hints_available} hints used",
            "zh": "{learner} · {kata}：{status}，{steps_passed}/{steps_total} 步，"
            "已用 {hints_used}/{hints_available} 条提示",
        },
        "absent": {
            "en": "{learner} · {kata}: not in this learner's report",
            "zh": "{learner} · {kata}：该学员的报告中没有此练习",
        },
        "stuck-cell": {
            "en": "{kata}: {count} learners stuck here",
            "zh": "{kata}：{count} 名学员卡在这里",
        },
    }
)

CSS = f"""
* {{ box-sizing: border-box; }}
body {{ font-family: "DejaVu Sans", "Liberation Sans", "Noto Sans CJK SC", "Noto Sans SC",
  "Microsoft YaHei", Arial, sans-serif; margin: 24px; color: #1f2328; background: #ffffff;
  font-size: 14px; }}
h1 {{ font-size: 24px; margin: 0 0 4px; }}
h2 {{ font-size: 17px; margin: 24px 0 8px; }}
.meta {{ color: #59636e; margin: 0 0 16px; }}
code {{ font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.95em; }}
.legend {{ display: flex; flex-wrap: wrap; gap: 16px; margin: 12px 0; color: #3d444d; }}
.legend span {{ display: inline-flex; align-items: center; gap: 6px; }}
.swatch {{ display: inline-block; width: 10px; height: 10px; border-radius: 2px; }}
.passed {{ background: {COLOURS[PASSED]}; }}
.failing {{ background: {COLOURS[FAILING]}; }}
.not_started {{ background: {COLOURS[NOT_STARTED]}; }}
.absent {{ background: repeating-linear-gradient(45deg, #ffffff 0 3px, #c9ced4 3px 4px); }}
.hints {{ display: inline-block; min-width: 14px; height: 14px; padding: 0 3px; border-radius: 7px;
  background: #ffffff; color: #1f2328; font-size: 10px; line-height: 14px; text-align: center;
  font-weight: bold; box-shadow: 0 0 0 1px #1f2328; }}
.banner {{ border-left: 6px solid {COLOURS["stuck"]}; background: #fdecea; padding: 10px 14px;
  margin: 12px 0; font-size: 15px; }}
.banner.calm {{ border-left-color: {COLOURS[PASSED]}; background: #e9f6ed; }}
.bars {{ display: grid; grid-template-columns: max-content 1fr max-content; gap: 8px 14px;
  align-items: center; max-width: 1000px; }}
.bars .name {{ font-weight: bold; }}
.bars .total {{ border-top: 1px solid #d1d9e0; padding-top: 8px; }}
.bar {{ display: flex; height: 18px; border-radius: 4px; overflow: hidden;
  background: {COLOURS[NOT_STARTED]}; min-width: 300px; }}
.bar span {{ display: block; height: 100%; }}
.counts {{ color: #3d444d; white-space: nowrap; }}
table {{ border-collapse: collapse; }}
.katas td, .katas th {{ text-align: left; padding: 4px 10px; border-bottom: 1px solid #e6e9ed; }}
.badge {{ display: inline-block; padding: 1px 8px; border-radius: 9px; font-size: 12px; }}
.badge.passed, .badge.failing {{ color: #ffffff; }}
.badge.failing {{ color: #1f2328; }}
.scroll {{ overflow-x: auto; padding-bottom: 8px; }}
.class th, .class td {{ padding: 0; }}
.class .who {{ position: sticky; left: 0; background: #ffffff; padding: 0 10px 0 0;
  text-align: left; white-space: nowrap; max-width: 180px; overflow: hidden;
  text-overflow: ellipsis; z-index: 1; }}
.class .sum {{ padding: 0 8px; text-align: right; white-space: nowrap; color: #3d444d; }}
.class th.topic {{ font-size: 12px; text-align: left; padding: 2px 4px; border-left: 2px solid
  #ffffff; background: #f1f3f5; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  max-width: 0; }}
.class th.kata {{ height: 210px; vertical-align: bottom; font-weight: normal; }}
.class th.kata div {{ writing-mode: vertical-rl; transform: rotate(180deg); max-height: 206px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: 12px;
  margin: 0 auto 4px; }}
.class td.cell {{ width: 26px; min-width: 26px; height: 24px; text-align: center;
  border: 1px solid #ffffff; }}
.class .first {{ border-left: 2px solid #ffffff; }}
.class tr.stuck td, .class tr.stuck th, .class tr.done td, .class tr.done th {{ height: 24px;
  font-size: 12px; text-align: center; }}
.class tr.stuck th.who, .class tr.done th.who {{ text-align: left; font-weight: normal;
  color: #3d444d; }}
.class tr.stuck td.some {{ background: {COLOURS["stuck-some"]}; }}
.class tr.stuck td.most {{ background: {COLOURS["stuck"]}; color: #ffffff; font-weight: bold; }}
.class tr.stuck td {{ border: 1px solid #ffffff; }}
.class tr.stuck th {{ padding-top: 6px; }}
.on {{ box-shadow: inset 0 0 0 2px {COLOURS["stuck"]}; }}
.swatch.on {{ width: 12px; height: 12px; box-shadow: inset 0 0 0 2px {COLOURS["stuck"]}; }}
.note {{ color: #59636e; font-size: 12px; max-width: 900px; }}
"""


def code_spans(text: str) -> str:
    """Escape text for HTML, showing `backticked` parts as code (as the kata titles write it)."""
    parts = text.split("`")
    if len(parts) % 2 == 0:
        return escape(text)
    return "".join(
        f"<code>{escape(part)}</code>" if index % 2 else escape(part)
        for index, part in enumerate(parts)
    )


def plain(text: str) -> str:
    return text.replace("`", "")


def when(stamp: str) -> str:
    """`2025-11-25T13:40:02+00:00` → `2025-11-25 13:40 UTC`."""
    date, _, time = stamp.partition("T")
    if not time:
        return stamp
    zone = " UTC" if time.endswith(("+00:00", "Z")) else ""
    return f"{date} {time[:5]}{zone}"


def stuck_on(report: KataReport) -> set[str]:
    """The katas a learner is stuck on: started and not passed, and worked on: a step of it has
    passed, a hint of it was shown, or it is the next kata to pass in learner order.

    A learner who runs `pytest katas/` starts every kata at once; that alone is not being stuck,
    or every kata after the learner's would count as much as the one they are on."""
    next_up = next((kata.id for kata in report.katas if kata.status != PASSED), None)
    return {
        kata.id
        for kata in report.katas
        if kata.status == FAILING
        and (kata.steps_passed > 0 or kata.hints_used > 0 or kata.id == next_up)
    }


@dataclass(frozen=True)
class Learner:
    name: str
    report: KataReport

    @cached_property
    def _katas(self) -> dict[str, KataEntry]:
        return {kata.id: kata for kata in self.report.katas}

    @cached_property
    def stuck(self) -> set[str]:
        return stuck_on(self.report)

    def kata(self, kata_id: str) -> KataEntry | None:
        return self._katas.get(kata_id)


def page(title: str, body: str) -> str:
    language = "zh-CN" if current_language() == "zh" else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def legend(*, absent: bool = False, hints: bool = True, stuck: bool = False) -> str:
    items = [
        f'<span><i class="swatch {status}"></i>{escape(say(status))}</span>'
        for status in (PASSED, FAILING, NOT_STARTED)
    ]
    if stuck:
        items.append(f'<span><i class="swatch failing on"></i>{escape(say("stuck-legend"))}</span>')
    if absent:
        items.append(f'<span><i class="swatch absent"></i>{escape(say("absent-legend"))}</span>')
    if hints:
        items.append(f'<span><b class="hints">2</b>{escape(say("hints-legend"))}</span>')
    return f'<div class="legend">{"".join(items)}</div>'


def stacked_bar(katas: Sequence[KataEntry]) -> str:
    total = len(katas)
    segments = []
    for status in (PASSED, FAILING):
        count = sum(kata.status == status for kata in katas)
        if count and total:
            segments.append(
                f'<span class="{status}" style="width:{100 * count / total:.3f}%"></span>'
            )
    return f'<div class="bar">{"".join(segments)}</div>'


def counts(katas: Sequence[KataEntry]) -> str:
    text = say(
        "counts",
        passed=sum(kata.status == PASSED for kata in katas),
        total=len(katas),
        steps_passed=sum(kata.steps_passed for kata in katas),
        steps_total=sum(kata.steps_total for kata in katas),
    )
    hints = sum(kata.hints_used for kata in katas)
    if hints:
        text += say("hints-count", count=hints)
    return escape(text)


def learner_page(learner: Learner) -> str:
    report = learner.report
    rows = []
    for topic in report.topics:
        katas = report.katas_of(topic.id)
        rows.append(
            f'<div class="name">{code_spans(topic.title)}</div>{stacked_bar(katas)}'
            f'<div class="counts">{counts(katas)}</div>'
        )
    rows.append(
        f'<div class="name total">{escape(say("all-katas"))}</div>'
        f'<div class="total">{stacked_bar(report.katas)}</div>'
        f'<div class="counts total">{counts(report.katas)}</div>'
    )
    kata_rows = []
    for topic in report.topics:
        kata_rows.append(f'<tr><th colspan="5">{code_spans(topic.title)}</th></tr>')
        for kata in report.katas_of(topic.id):
            marks = "".join(
                f' <span class="mark {key}">{escape(say(key))}</span>'
                for key, shown in (("revealed", kata.revealed), ("changed", kata.changed))
                if shown
            )
            kata_rows.append(
                f'<tr><td title="{escape(kata.path)}">{code_spans(kata.title)}{marks}</td>'
                f'<td><span class="badge {kata.status}">{escape(say(kata.status))}</span></td>'
                f"<td>{escape(say('of', count=kata.steps_passed, total=kata.steps_total))}</td>"
                f"<td>{escape(say('of', count=kata.hints_used, total=kata.hints_available))}</td>"
                f"<td>{escape(when(kata.first_passed)) if kata.first_passed else ''}</td></tr>"
            )
    headings = "".join(
        f"<th>{escape(say(key))}</th>"
        for key in ("column-kata", "column-status", "column-steps", "column-hints")
    )
    title = say("title-one", learner=learner.name)
    body = (
        f"<h1>{escape(title)}</h1>\n"
        f'<p class="meta">'
        f"{escape(say('meta-one', when=when(report.generated), version=report.plugin_version))}"
        f"</p>\n{legend(hints=False)}\n"
        f"<h2>{escape(say('by-topic'))}</h2>\n"
        f'<div class="bars" id="bars">{"".join(rows)}</div>\n'
        f"<h2>{escape(say('kata-list'))}</h2>\n"
        f'<table class="katas"><thead><tr>{headings}'
        f"<th>{escape(say('column-first-passed'))}</th></tr></thead>"
        f"<tbody>{''.join(kata_rows)}</tbody></table>"
    )
    return page(title, body)


def stuck_counts(learners: Sequence[Learner], kata_ids: Sequence[str]) -> dict[str, int]:
    return {
        kata_id: sum(1 for learner in learners if kata_id in learner.stuck) for kata_id in kata_ids
    }


_SLOT = "\x00"
"""Stands for HTML in a message that is escaped as a whole."""


def most_stuck_banner(
    learners: Sequence[Learner], columns: Sequence[tuple[TopicEntry, list[KataEntry]]]
) -> tuple[str, int]:
    katas = [(topic, kata) for topic, katas in columns for kata in katas]
    stuck = stuck_counts(learners, [kata.id for _, kata in katas])
    most = max(stuck.values(), default=0)
    if not most:
        return f'<p class="banner calm" id="most-stuck">{escape(say("nobody-stuck"))}</p>', 0
    named = [
        f"<b>{code_spans(kata.title)}</b> ({code_spans(topic.title)})"
        for topic, kata in katas
        if stuck[kata.id] == most
    ]
    shown = named[:MOST_STUCK_NAMED]
    if len(named) > len(shown):
        shown.append(escape(say("and-more", count=len(named) - len(shown))))
    key = "most-stuck" if len(named) == 1 else "most-stuck-many"
    text = escape(say(key, katas=_SLOT, count=most, learners=len(learners)))
    return f'<p class="banner" id="most-stuck">{text.replace(_SLOT, ", ".join(shown))}</p>', most


def class_page(learners: Sequence[Learner]) -> str:
    reports = [learner.report for learner in learners]
    columns = kata_columns(reports)
    kata_ids = [kata.id for _, katas in columns for kata in katas]
    first_of_topic = {katas[0].id for _, katas in columns if katas}
    banner, most = most_stuck_banner(learners, columns)
    absent_anywhere = any(
        learner.kata(kata_id) is None for learner in learners for kata_id in kata_ids
    )

    def first(kata_id: str) -> str:
        return " first" if kata_id in first_of_topic else ""

    topic_row = "".join(
        f'<th class="topic" colspan="{len(katas)}" title="{escape(plain(topic.title))}">'
        f"{code_spans(topic.title)}</th>"
        for topic, katas in columns
        if katas
    )
    kata_row = "".join(
        f'<th class="kata{first(kata.id)}" title="{escape(plain(kata.title))}">'
        f"<div>{code_spans(kata.title)}</div></th>"
        for _, katas in columns
        for kata in katas
    )
    titles = {kata.id: plain(kata.title) for _, katas in columns for kata in katas}
    rows = []
    for learner in learners:
        cells = []
        for kata_id in kata_ids:
            kata = learner.kata(kata_id)
            if kata is None:
                tip = say("absent", learner=learner.name, kata=titles[kata_id])
                cells.append(f'<td class="cell absent{first(kata_id)}" title="{escape(tip)}"></td>')
                continue
            tip = say(
                "cell",
                learner=learner.name,
                kata=titles[kata_id],
                status=say(kata.status),
                steps_passed=kata.steps_passed,
                steps_total=kata.steps_total,
                hints_used=kata.hints_used,
                hints_available=kata.hints_available,
            )
            if kata_id in learner.stuck:
                tip += say("stuck-here")
            hints = f'<b class="hints">{kata.hints_used}</b>' if kata.hints_used else ""
            marker = " on" if kata_id in learner.stuck else ""
            cells.append(
                f'<td class="cell {kata.status}{marker}{first(kata_id)}" title="{escape(tip)}">'
                f"{hints}</td>"
            )
        passed = sum(kata.status == PASSED for kata in learner.report.katas)
        rows.append(
            f'<tr class="learner"><th class="who" title="{escape(learner.name)}">'
            f"{escape(learner.name)}</th>"
            f'<td class="sum">{passed}/{len(learner.report.katas)}</td>{"".join(cells)}</tr>'
        )
    stuck = stuck_counts(learners, kata_ids)
    passed_counts = {
        kata_id: sum(
            1 for learner in learners if (kata := learner.kata(kata_id)) and kata.status == PASSED
        )
        for kata_id in kata_ids
    }
    stuck_cells = "".join(
        f'<td class="{"most" if most and count == most else "some" if count else ""}'
        f'{first(kata_id)}" title="{escape(say("stuck-cell", kata=titles[kata_id], count=count))}"'
        f">{count or ''}</td>"
        for kata_id, count in stuck.items()
    )
    done_cells = "".join(
        f'<td class="{first(kata_id).strip()}">{passed_counts[kata_id] or ""}</td>'
        for kata_id in kata_ids
    )
    title = say("title-class", count=len(learners))
    newest = max(report.generated for report in reports)
    body = (
        f"<h1>{escape(title)}</h1>\n"
        f'<p class="meta">'
        f"{escape(say('meta-class', count=len(learners), when=when(newest), version=__version__))}"
        f"</p>\n{banner}\n{legend(absent=absent_anywhere, stuck=True)}\n"
        '<div class="scroll"><table class="class" id="class">\n'
        f'<thead><tr><th class="who"></th><th></th>{topic_row}</tr>\n'
        f'<tr><th class="who">{escape(say("column-learner"))}</th>'
        f'<th class="sum">{escape(say("column-passed"))}</th>{kata_row}</tr></thead>\n'
        f"<tbody>\n{''.join(rows)}\n</tbody>\n<tfoot>\n"
        f'<tr class="stuck"><th class="who">{escape(say("stuck-row"))}</th><td></td>'
        f"{stuck_cells}</tr>\n"
        f'<tr class="done"><th class="who">{escape(say("passed-row"))}</th><td></td>'
        f"{done_cells}</tr>\n</tfoot></table></div>\n"
        f'<p class="note">{escape(say("stuck-note"))}</p>'
    )
    return page(title, body)


def render(learners: Sequence[Learner]) -> str:
    """The page for one learner, or for a class."""
    return learner_page(learners[0]) if len(learners) == 1 else class_page(learners)


def named_learners(reports: Sequence[tuple[str, KataReport]]) -> list[Learner]:
    """The learners, their names told apart by their file's name when two share one."""
    names = [report.learner for _, report in reports]
    return [
        Learner(
            f"{report.learner} ({Path(file).name})"
            if names.count(report.learner) > 1
            else report.learner,
            report,
        )
        for file, report in reports
    ]


class InputError(Exception):
    """Bad input: the message is the one line to print."""


def load(file: str) -> KataReport:
    path = Path(file)
    try:
        return read_report(path)
    except FileNotFoundError:
        raise InputError(say("missing", file=file)) from None
    except NewerSchemaError as error:
        raise InputError(say("newer-report", file=file, problem=error)) from None
    except ReportFormatError as error:
        raise InputError(say("bad-report", file=file, problem=error)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(say("not-json", file=file, reason=error)) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(say("unreadable", file=file, reason=reason)) from None


def language_of(value: str) -> str:
    try:
        return choose_language(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            say("bad-lang", value=value, languages=", ".join(LANGUAGES))
        ) from None


def add_arguments(command: argparse.ArgumentParser) -> None:
    """The arguments of the page, as `katas-report` and `pytest-katas report` both take them:
    `REPORT.json …`, `-o/--output PATH`, `--lang LANGUAGE`; `run` reads what they parse to."""
    command.add_argument("reports", nargs="+", metavar="REPORT.json", help=say("help-reports"))
    command.add_argument(
        "-o",
        "--output",
        default=DEFAULT_OUTPUT,
        metavar="PATH",
        help=say("help-output", default=DEFAULT_OUTPUT),
    )
    command.add_argument("--lang", type=language_of, metavar="LANGUAGE", help=say("help-lang"))


def parser() -> argparse.ArgumentParser:
    """`katas-report`'s parser: the page's arguments, and `--version`."""
    command = CommandLine(prog=PROGRAM, description=say("description"))
    add_arguments(command)
    add_version(command)
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """`katas-report`, the name `pytest-katas report` had before: the same arguments, the same
    page. Returns the exit status; a usage error exits 2 (SystemExit) after one line on stderr."""
    arguments = arguments_of(argv)
    with speaking(arguments):
        return run(parser().parse_args(arguments))


def run(options: argparse.Namespace, program: str = PROGRAM) -> int:
    """Write the page the options of `add_arguments` ask for; say so on stdout and return 0.
    Bad input or an output that cannot be written is one line on stderr, begun with `program`,
    and exit status 2; the output is then left as it was."""
    try:
        reports = [(file, load(file)) for file in options.reports]
    except InputError as error:
        print(f"{program}: {error}", file=sys.stderr)
        return USAGE_ERROR
    learners = named_learners(reports)
    output = Path(options.output)
    try:
        write_text_atomically(output, render(learners))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(f"{program}: {say('not-written', path=output, reason=reason)}", file=sys.stderr)
        return USAGE_ERROR
    if len(learners) == 1:
        print(say("wrote-one", path=output, learner=learners[0].name))
    else:
        print(say("wrote-class", path=output, count=len(learners)))
    return 0


if __name__ == "__main__":  # pragma: no cover - the console script calls main()
    sys.exit(main())
