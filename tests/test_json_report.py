"""`pytest katas/ --kata-report=PATH`: the learner's progress as JSON, for a teacher."""

from __future__ import annotations

import getpass
import json
import re
from pathlib import Path
from typing import Any

import pytest

from pytest_katas import __version__
from pytest_katas.json_report import (
    SCHEMA,
    KataReport,
    ReportFormatError,
    learner_name,
    read_report,
)
from tests.kata_repo import KataRepo

SCHEMA_DOC = Path(__file__).resolve().parents[1] / "docs" / "report-schema.md"
KATA_FIELDS = {
    "id": str,
    "topic": str,
    "title": str,
    "path": str,
    "status": str,
    "steps_passed": int,
    "steps_total": int,
    "hints_used": int,
    "hints_available": int,
    "revealed": bool,
    "changed": bool,
}


def report_file(
    repo: KataRepo, *args: str, name: str = "report.json", path: str = "katas/"
) -> dict[str, Any]:
    result = repo.run(path, f"--kata-report={name}", *args)
    assert "Traceback" not in result.stdout.str() + result.stderr.str()
    data: dict[str, Any] = json.loads((repo.root / name).read_text(encoding="utf-8"))
    return data


def kata(data: dict[str, Any], kata_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(item for item in data["katas"] if item["id"] == kata_id)
    return found


def test_a_run_writes_every_field_of_the_schema(repo: KataRepo) -> None:
    data = report_file(repo, "--kata-learner=alice")
    assert data["schema"] == SCHEMA == "pytest-katas-report/1"
    assert data["learner"] == "alice"
    assert data["plugin_version"] == __version__
    assert data["language"] == "en"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", data["generated"])
    assert data["topics"] == [
        {"id": "basics", "title": "Basics"},
        {"id": "more", "title": "More"},
    ]
    assert [item["id"] for item in data["katas"]] == ["adding", "counting", "strings"]
    for item in data["katas"]:
        assert set(item) == {*KATA_FIELDS, "first_passed"}
        for name, kind in KATA_FIELDS.items():
            assert type(item[name]) is kind, name
        assert item["first_passed"] is None
    assert kata(data, "adding") == {
        "id": "adding",
        "topic": "basics",
        "title": "Adding numbers",
        "path": "katas/basics/test_adding.py",
        "status": "failing",
        "steps_passed": 0,
        "steps_total": 2,
        "hints_used": 0,
        "hints_available": 2,
        "first_passed": None,
        "revealed": False,
        "changed": False,
    }
    assert data["totals"] == {
        "katas": 3,
        "katas_passed": 0,
        "katas_failing": 3,
        "steps": 4,
        "steps_passed": 0,
        "hints_used": 0,
    }


def test_statuses_after_solving_a_kata(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    repo.write(
        "katas/basics/test_counting.py",
        repo.read("katas/basics/test_counting.py").replace("    __\n", "    yield 1\n"),
    )
    data = report_file(repo, path="katas/basics/")
    progress = json.loads(repo.progress_file().read_text(encoding="utf-8"))
    adding = kata(data, "adding")
    assert adding["status"] == "passed"
    assert (adding["steps_passed"], adding["steps_total"]) == (2, 2)
    assert adding["first_passed"] == progress["katas"]["adding"]["first_passed"] is not None
    assert kata(data, "counting")["status"] == "failing"
    assert kata(data, "strings")["status"] == "not_started"
    assert kata(data, "strings")["steps_total"] == 1
    assert data["totals"]["katas_passed"] == 1


def test_hints_used_after_hint(repo: KataRepo) -> None:
    repo.run("--hint")
    repo.run("--hint")
    repo.run("--hint", "katas/more/test_strings.py")
    data = report_file(repo)
    assert (kata(data, "adding")["hints_used"], kata(data, "adding")["hints_available"]) == (2, 2)
    assert kata(data, "strings")["hints_used"] == 1
    assert kata(data, "counting")["hints_used"] == 0
    assert kata(data, "counting")["hints_available"] == 3
    assert data["totals"]["hints_used"] == 3


def test_a_run_that_runs_no_kata_still_reports_the_saved_progress(repo: KataRepo) -> None:
    repo.solve("more/test_strings.py")
    repo.run("katas/")
    result = repo.run("katas/", "-k", "no_such_step", "--kata-report=report.json")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    data = json.loads((repo.root / "report.json").read_text(encoding="utf-8"))
    assert kata(data, "strings")["status"] == "passed"
    assert kata(data, "adding")["status"] == "failing"


def test_the_report_goes_into_new_folders_and_replaces_an_old_one_whole(repo: KataRepo) -> None:
    target = repo.write("reports/alice.json", "old and much longer than JSON " * 100)
    report_file(repo, name="reports/alice.json")
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == SCHEMA
    assert sorted(path.name for path in target.parent.iterdir()) == ["alice.json"]
    report_file(repo, name="new/folder/bob.json")
    assert (repo.root / "new" / "folder" / "bob.json").is_file()


def test_xdist_writes_the_same_file_as_a_serial_run(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    serial = report_file(repo, "--kata-learner=alice")
    repo.progress_file().unlink()
    result = repo.pytester.runpytest_subprocess(
        "katas/", "-n", "2", "--kata-report=parallel.json", "--kata-learner=alice"
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    parallel = json.loads((repo.root / "parallel.json").read_text(encoding="utf-8"))

    def timeless(data: dict[str, Any]) -> dict[str, Any]:
        data = dict(data, generated=None)
        data["katas"] = [
            dict(item, first_passed=bool(item["first_passed"])) for item in data["katas"]
        ]
        return data

    assert timeless(parallel) == timeless(serial)
    assert kata(parallel, "adding")["status"] == "passed"


@pytest.mark.parametrize("where", ["a_file/report.json", "."])
def test_an_unwritable_path_is_a_one_line_warning_and_progress_is_kept(
    repo: KataRepo, where: str
) -> None:
    repo.write("a_file", "not a folder\n")
    repo.solve("more/test_strings.py")
    result = repo.run("katas/", f"--kata-report={where}")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = result.stdout.str() + result.stderr.str()
    assert "Traceback" not in output and "INTERNALERROR" not in output
    warnings = [line for line in result.outlines if "could not be written" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"! the kata report could not be written to {where} (")
    assert warnings[0].endswith("); your progress is saved as usual")
    progress = json.loads(repo.progress_file().read_text(encoding="utf-8"))
    assert progress["katas"]["strings"]["first_passed"]
    assert "1/3 katas" in result.stdout.str()
    assert not [path for path in repo.root.iterdir() if path.name.endswith(".tmp")]


def test_the_report_is_in_the_language_of_the_run(repo: KataRepo) -> None:
    data = report_file(repo, "--lang=zh")
    assert data["language"] == "zh"
    assert data["topics"][0] == {"id": "basics", "title": "基础"}
    assert kata(data, "adding")["title"] == "加法"
    assert kata(data, "adding")["id"] == "adding"


def test_the_learner_defaults_to_the_login_name(
    repo: KataRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "carol")
    assert report_file(repo)["learner"] == "carol"


def test_without_a_login_name_the_learner_is_learner(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_name() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_name)
    assert learner_name(None) == "learner"
    assert learner_name("  ") == "learner"
    assert learner_name(" dave ") == "dave"
    monkeypatch.setattr(getpass, "getuser", lambda: "")
    assert learner_name(None) == "learner"


def test_a_written_report_reads_back_as_it_was_built(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    data = report_file(repo, "--kata-learner=alice")
    report = read_report(repo.root / "report.json")
    assert report.learner == "alice"
    assert report.to_json() == data
    assert [kata.id for kata in report.katas_of("basics")] == ["adding", "counting"]


def broken(data: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """A copy of a report's data with one field changed (or removed, for `...`)."""
    data = json.loads(json.dumps(data))
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    key: Any = int(last) if last.isdigit() else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            "schema",
            ...,
            'is not a pytest-katas report (it has no "schema": "pytest-katas-report/1")',
        ),
        ("schema", "something-else/1", "is not a pytest-katas report"),
        ("schema", "pytest-katas-report/2", "was written by a newer pytest-katas"),
        ("learner", 7, "the report has no valid learner (a string)"),
        ("katas", {}, "the report has no valid katas (a list)"),
        ("topics.0", "basics", "topic #1 has no valid id (a string)"),
        ("katas.1.status", "done", "kata #2 has no valid status (one of passed, failing"),
        ("katas.0.steps_passed", -1, "kata #1 has no valid steps_passed (a whole number"),
        ("katas.0.hints_used", True, "kata #1 has no valid hints_used"),
        ("katas.0.steps_passed", 9, "kata #1 has more steps passed than steps in all"),
        ("katas.0.first_passed", "yesterday", "kata #1 has no valid first_passed (an ISO 8601"),
        ("katas.0.first_passed", 3, "kata #1 has no valid first_passed"),
        ("katas.0.topic", "gone", "kata #1 names topic 'gone', which is not in topics"),
        ("katas.0.path", ..., "kata #1 has no valid path"),
    ],
)
def test_a_report_that_breaks_the_schema_says_what_is_wrong(
    repo: KataRepo, path: str, value: object, message: str
) -> None:
    data = report_file(repo)
    with pytest.raises(ReportFormatError) as error:
        KataReport.from_json(broken(data, path, value))
    assert message in str(error.value)
    with pytest.raises(ReportFormatError, match="not a JSON object"):
        KataReport.from_json([data])


def test_unknown_fields_are_ignored_as_the_schema_allows(repo: KataRepo) -> None:
    data = report_file(repo)
    data["classroom"] = "3B"
    data["katas"][0]["attempts"] = 4
    assert KataReport.from_json(data).katas[0].id == "adding"


def test_the_schema_doc_describes_every_field(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    data = report_file(repo)
    doc = SCHEMA_DOC.read_text(encoding="utf-8")
    assert f"`{SCHEMA}`" in doc
    names = {*data, *data["totals"], *data["topics"][0], *data["katas"][0]}
    undocumented = sorted(name for name in names if f"`{name}`" not in doc)
    assert not undocumented, f"docs/report-schema.md does not describe {undocumented}"
    for status in ("passed", "failing", "not_started"):
        assert f"`{status}`" in doc


def test_the_warning_is_in_the_language_of_the_run(repo: KataRepo) -> None:
    repo.write("a_file", "not a folder\n")
    result = repo.run("katas/", "--lang=zh", "--kata-report=a_file/report.json")
    result.stdout.fnmatch_lines(
        ["! 无法写入练习报告 a_file/report.json（Not a directory）；你的进度照常保存"]
    )
