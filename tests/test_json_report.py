"""`pytest katas/ --kata-report=PATH`: the learner's progress as JSON, for a teacher."""

from __future__ import annotations

import getpass
import json
import re
import subprocess
import sys
import textwrap
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, ValidationError

from pytest_katas import __version__
from pytest_katas.cli import main
from pytest_katas.json_report import (
    SCHEMA,
    SCHEMA_FILE,
    STATUSES,
    KataReport,
    ReportFormatError,
    is_utc_time,
    json_schema,
    learner_name,
    read_report,
)
from tests.kata_repo import KataRepo
from tests.report_schema import assert_valid_report

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DOC = ROOT / "docs" / "report-schema.md"
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
    return assert_valid_report(repo.root / name)


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
        "status": "not_started",  # run, but never worked on: as the learner's screen says
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
        "katas_failing": 0,  # run, never worked on: not started
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
    data = assert_valid_report(repo.root / "report.json")
    assert kata(data, "strings")["status"] == "passed"
    assert kata(data, "adding")["status"] == "not_started"  # run, never worked on


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
    parallel = assert_valid_report(repo.root / "parallel.json")

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
        ("schema", "pytest-katas-report/beta", "is not a pytest-katas report"),
        ("learner", 7, "learner: 7 is not a string"),
        ("learner", "", "learner is empty"),
        ("generated", "yesterday", 'generated: "yesterday" is not a UTC time like 2025-'),
        ("generated", "2025-11-25T13:40:02+01:00", 'generated: "2025-11-25T13:40:02+01:00" is'),
        ("generated", "2025-02-30T13:40:02+00:00", 'generated: "2025-02-30T13:40:02+00:00" is'),
        ("totals.steps", ..., "totals.steps is missing"),
        ("totals.hints_used", -2, "totals.hints_used: -2 is less than 0"),
        ("katas", {}, "katas: {} is not a list"),
        ("topics.0", "basics", 'topics[0]: "basics" is not an object ({…})'),
        ("topics.1.id", ..., "topics[1].id is missing"),
        ("katas.1.status", "done", 'katas[1].status: "done" is not one of "passed", "failing", '),
        ("katas.0.steps_passed", -1, "katas[0].steps_passed: -1 is less than 0"),
        ("katas.0.hints_used", True, "katas[0].hints_used: true is not a whole number"),
        ("katas.2.steps_total", "1", 'katas[2].steps_total: "1" is not a whole number'),
        ("katas.0.steps_passed", 9, "katas[0].steps_passed: 9 is more than steps_total (2)"),
        ("katas.0.first_passed", "yesterday", 'katas[0].first_passed: "yesterday" is not a UTC'),
        ("katas.0.first_passed", 3, "katas[0].first_passed: 3 is not a string or null"),
        ("katas.0.revealed", "yes", 'katas[0].revealed: "yes" is not true or false'),
        ("katas.0.topic", "gone", 'katas[0].topic: "gone" is not the id of any of topics'),
        ("katas.0.path", ..., "katas[0].path is missing"),
    ],
)
def test_a_report_that_breaks_the_schema_says_what_is_wrong(
    repo: KataRepo, path: str, value: object, message: str
) -> None:
    data = report_file(repo)
    with pytest.raises(ReportFormatError) as error:
        KataReport.from_json(broken(data, path, value))
    assert str(error.value).startswith(message)
    with pytest.raises(ReportFormatError, match="not a JSON object"):
        KataReport.from_json([data])


def test_unknown_fields_are_ignored_as_the_schema_allows(repo: KataRepo) -> None:
    data = report_file(repo)
    data["classroom"] = "3B"
    data["totals"]["katas_revealed"] = 0
    data["topics"][0]["colour"] = "green"
    data["katas"][0]["attempts"] = 4
    assert_valid_report(data)
    assert KataReport.from_json(data).katas[0].id == "adding"


def test_a_file_from_before_0_2_reads_revealed_and_changed_as_false(repo: KataRepo) -> None:
    data = report_file(repo)
    for item in data["katas"]:
        del item["revealed"], item["changed"]
        item["steps_total"] = float(item["steps_total"])  # 2.0 is an integer to JSON Schema
    assert_valid_report(data)
    report = KataReport.from_json(data)
    assert {(kata.revealed, kata.changed) for kata in report.katas} == {(False, False)}
    assert [type(kata.steps_total) for kata in report.katas] == [int, int, int]


# --- the JSON Schema ------------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema_shipped_in_the_package() -> None:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] and schema["description"]
    assert SCHEMA_FILE == "schemas/pytest-katas-report-1.schema.json"
    in_repository = ROOT / "pytest_katas" / SCHEMA_FILE
    assert json.loads(in_repository.read_text(encoding="utf-8")) == schema
    assert json.loads(files("pytest_katas").joinpath(SCHEMA_FILE).read_text("utf-8")) == schema


def test_the_schema_names_the_version_and_the_statuses_the_code_uses() -> None:
    schema = json_schema()
    assert schema["properties"]["schema"] == {
        "description": "The name and version of this format.",
        "const": SCHEMA,
    }
    assert tuple(schema["$defs"]["kata"]["properties"]["status"]["enum"]) == STATUSES


def test_the_schema_lists_every_field_a_run_writes_and_requires_all_but_two(
    repo: KataRepo,
) -> None:
    """The schema and the writer agree: every field written is in the schema, and every field of
    the schema is written; all are required but `revealed` and `changed`, added within schema 1."""
    data = report_file(repo)
    schema = json_schema()
    objects = [
        (schema, data),
        (schema["$defs"]["totals"], data["totals"]),
        (schema["$defs"]["topic"], data["topics"][0]),
        (schema["$defs"]["kata"], data["katas"][0]),
    ]
    for part, written in objects:
        assert set(part["properties"]) == set(written)
        assert set(part["required"]) == set(written) - {"revealed", "changed"}
        assert part["additionalProperties"] is True  # a reader ignores fields it does not know


def test_a_learner_run_with_every_status_follows_the_schema(repo: KataRepo) -> None:
    repo.solve("basics/test_adding.py")
    repo.run("--hint", "katas/basics/test_counting.py")
    data = report_file(repo, "--kata-learner=Zoë 张", "--lang=zh", path="katas/basics/")
    Draft202012Validator(json_schema()).validate(data)
    statuses = {item["id"]: item["status"] for item in data["katas"]}
    assert statuses == {"adding": "passed", "counting": "failing", "strings": "not_started"}
    assert kata(data, "adding")["first_passed"] is not None
    assert kata(data, "counting")["hints_used"] == 1  # asked for a hint: worked on


@pytest.mark.parametrize(
    ("stamp", "valid"),
    [
        ("2025-11-25T13:40:02+00:00", True),
        ("2025-11-25T13:40:02Z", True),
        ("2025-11-25T13:40:02.5+00:00", True),
        ("2016-12-31T23:59:60+00:00", True),
        ("2025-11-25T13:40:02", False),
        ("2025-11-25 13:40:02+00:00", False),
        ("2025-11-25T13:40:02-05:00", False),
        ("2025-11-25T24:00:00+00:00", False),
        ("2025-11-25T13:40:61+00:00", False),
        ("2025-02-29T13:40:02+00:00", False),
        ("2025-11-25", False),
        ("２０２５-11-25T13:40:02+00:00", False),
        ("2025-11-25T13:40:02+00:00\n", False),
    ],
)
def test_times_are_checked_as_utc_rfc_3339(stamp: str, valid: bool) -> None:
    assert is_utc_time(stamp) is valid


def test_the_first_problem_is_the_first_in_the_file(repo: KataRepo) -> None:
    """Several problems: the one named is the earliest field of the file, an object's missing
    fields before what is wrong inside it; so moving a field moves the message."""
    data = report_file(repo)
    data["katas"][2]["status"] = "done"
    data["katas"][1]["title"] = 7
    data["katas"][1]["status"] = "done"
    with pytest.raises(ReportFormatError, match=r"^katas\[1\]\.title: 7 is not a string$"):
        KataReport.from_json(data)
    data["katas"][1] = {"status": "done", **data["katas"][1]}  # status now comes first
    with pytest.raises(ReportFormatError, match=r'^katas\[1\]\.status: "done" is not one of'):
        KataReport.from_json(data)
    del data["katas"][1]["id"]
    with pytest.raises(ReportFormatError, match=r"^katas\[1\]\.id is missing$"):
        KataReport.from_json(data)
    del data["generated"]
    with pytest.raises(ReportFormatError, match=r"^generated is missing$"):
        KataReport.from_json(data)


# --- pytest-katas report reads a broken file as one line ------------------------------------------


BROKEN_FILES = {
    "a wrong status": (
        "katas.1.status",
        "done",
        'katas[1].status: "done" is not one of "passed", "failing", "not_started"',
    ),
    "a missing field": ("katas.2.hints_available", ..., "katas[2].hints_available is missing"),
    "a wrong type deep in a kata": (
        "katas.0.first_passed",
        ["2025-11-25T13:39:51+00:00"],
        'katas[0].first_passed: ["2025-11-25T13:39:51+00:00"] is not a string or null',
    ),
    "a missing total": ("totals", ..., "totals is missing"),
    "a wrong schema name": (
        "schema",
        "pytest-kata-report/1",
        'is not a pytest-katas report (it has no "schema": "pytest-katas-report/1")',
    ),
}


@pytest.mark.parametrize("kind", BROKEN_FILES)
def test_a_broken_file_is_one_line_naming_it_and_the_field(
    repo: KataRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    path, value, problem = BROKEN_FILES[kind]
    alice = repo.root / "alice.json"
    data = report_file(repo, name="alice.json")
    alice.write_text(json.dumps(broken(data, path, value), indent=2), encoding="utf-8")
    page = tmp_path / "alice.html"
    capsys.readouterr()  # the learner's run
    assert main(["report", "-o", str(page), str(alice)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"pytest-katas report: {alice}: {problem}; write it again with "
        f"pytest katas/ --kata-report={alice}\n"
    )
    assert not page.exists()


def test_a_broken_file_is_told_in_chinese_too(
    repo: KataRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = report_file(repo)
    bad = repo.write("bad.json", json.dumps(broken(data, "katas.1.status", "done")))
    capsys.readouterr()  # the learner's run
    assert main(["report", "--lang", "zh", "-o", str(tmp_path / "x.html"), str(bad)]) == 2
    assert capsys.readouterr().err == (
        f'pytest-katas report: {bad}：katas[1].status："done" 不是 "passed", "failing", '
        f'"not_started" 之一；请用 pytest katas/ --kata-report={bad} 重新生成\n'
    )


def test_the_report_command_reads_a_broken_file_without_a_traceback(
    repo: KataRepo, tmp_path: Path
) -> None:
    data = report_file(repo)
    bad = repo.write("bad.json", json.dumps(broken(data, "katas.2.steps_total", "one")))
    good = repo.root / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "pytest_katas.cli", "report", str(good), str(bad)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f'pytest-katas report: {bad}: katas[2].steps_total: "one" is not a whole number; '
        f"write it again with pytest katas/ --kata-report={bad}"
    ]


def test_a_learner_run_never_imports_jsonschema(repo: KataRepo) -> None:
    """The learner's run is benchmarked: only reading a report imports jsonschema."""
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path

        import pytest

        from pytest_katas.json_report import read_report

        pytest.main(["katas/", "--kata-report=report.json", "-q", "-p", "no:cacheprovider"])
        print("after the run:", sorted(name for name in sys.modules if "jsonschema" in name))
        read_report(Path("report.json"))
        print("after reading:", "jsonschema" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=repo.root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "after the run: []\n" in done.stdout
    assert "after reading: True\n" in done.stdout
    assert_valid_report(repo.root / "report.json")


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


def doc_blocks(language: str) -> list[str]:
    """The code blocks of docs/report-schema.md in `language`."""
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```$", text, re.DOTALL | re.MULTILINE)


def test_the_schema_doc_example_follows_the_schema() -> None:
    (example,) = doc_blocks("json")
    assert_valid_report(json.loads(example))


def test_the_schema_docs_python_lines_check_a_report(repo: KataRepo) -> None:
    (lines,) = doc_blocks("python")
    data = report_file(repo, name="alice.json")
    exec(compile(lines, str(SCHEMA_DOC), "exec"), {})  # in pytester's folder, beside alice.json
    repo.write("alice.json", json.dumps(broken(data, "katas.0.status", "done")))
    with pytest.raises(ValidationError, match="'done' is not one of"):
        exec(compile(lines, str(SCHEMA_DOC), "exec"), {})


def test_the_docs_and_the_readme_give_the_schema_file() -> None:
    in_package = f'importlib.resources.files("pytest_katas") / "{SCHEMA_FILE}"'
    for document in (SCHEMA_DOC, ROOT / "README.md"):
        text = document.read_text(encoding="utf-8")
        assert f"pytest_katas/{SCHEMA_FILE}" in text, document
        assert in_package in text, document


def test_the_warning_is_in_the_language_of_the_run(repo: KataRepo) -> None:
    repo.write("a_file", "not a folder\n")
    result = repo.run("katas/", "--lang=zh", "--kata-report=a_file/report.json")
    result.stdout.fnmatch_lines(
        ["! 无法写入练习报告 a_file/report.json（Not a directory）；你的进度照常保存"]
    )


def test_a_kata_is_not_started_until_worked_on_as_the_learners_screen_counts_it(
    repo: KataRepo,
) -> None:
    """Running every kata starts none of them: a kata is `failing` once its file is changed, a
    step has passed, or a hint was asked for; until then `not_started`, as the screen says."""
    data = report_file(repo)
    assert {item["id"]: item["status"] for item in data["katas"]} == {
        "adding": "not_started",
        "counting": "not_started",
        "strings": "not_started",
    }
    strings = repo.read("katas/more/test_strings.py")
    repo.write("katas/more/test_strings.py", strings.replace("== __", '== "abba"'))  # wrong
    repo.run("--hint", "katas/basics/test_counting.py")
    data = report_file(repo)
    assert {item["id"]: item["status"] for item in data["katas"]} == {
        "adding": "not_started",
        "counting": "failing",
        "strings": "failing",
    }


def test_a_kata_whose_answers_were_revealed_is_failing_not_not_started(repo: KataRepo) -> None:
    repo.run("--reveal", "katas/basics/test_counting.py")
    data = report_file(repo, path="katas/basics/")
    assert kata(data, "counting")["revealed"] is True
    assert kata(data, "counting")["status"] == "failing"
