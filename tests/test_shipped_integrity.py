"""The integrity checks on their own: the record of the katas as shipped, whether a learner's copy
changed anything but its blanks, answers for the Python versions not running, and an exception
class broader than the reference's. A mistake here lets an unearned pass count, or refuses an
earned one."""

from __future__ import annotations

import ast
import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from pytest_katas.catalog import FORMAT_DOC, Catalog, Kata, Topic
from pytest_katas.shipped import (
    RECORD,
    RECORD_VARIABLE,
    LearnerCopy,
    Tampering,
    _check_other_versions,
    _resolve,
    answers,
    is_as_shipped,
    main,
    pair_blanks,
    pair_sites,
    raises_blanks,
    record_katas,
    record_path,
    restated_answer,
    say,
    shipped_source,
    unreadable_version_branches,
    version_branches,
)
from tests.kata_repo import (
    ADDING_KATA,
    BASICS_TOPIC,
    COUNTING_KATA,
    MORE_TOPIC,
    STRINGS_KATA,
    make_kata,
)

KATA = """\
import pytest


def test_adding():
    assert 1 + 1 == __
"""

# the running Python is 3.10 or later: `>= (3, 0)` holds, `>= (99, 0)` does not
VERSIONED = """\
import sys


def test_versions():
    assert 1 == (__ if sys.version_info >= (3, 0) else __)
    assert 2 == (__ if sys.version_info >= (99, 0) else __)
"""
VERSIONED_SOLUTION = """\
import sys


def test_versions():
    assert 1 == (1 if sys.version_info >= (3, 0) else 10)
    assert 2 == (20 if sys.version_info >= (99, 0) else 2)
"""


def versioned(first_else: str = "10", second_body: str = "20") -> str:
    return VERSIONED_SOLUTION.replace("else 10", f"else {first_else}").replace(
        "(20 if", f"({second_body} if"
    )


@pytest.fixture
def record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "record" / "shipped.json"
    path.parent.mkdir()
    monkeypatch.setenv(RECORD_VARIABLE, str(path))
    return path


def ship(record: Path, kata: Kata, source: str) -> None:
    data = json.loads(record.read_text("utf-8")) if record.exists() else {"katas": {}}
    data["katas"][f"{kata.id}:{kata.relpath}"] = source
    record.write_text(json.dumps(data), "utf-8")
    stamp = record.stat().st_mtime_ns + 1_000_000_000  # a new mtime, whatever the clock
    os.utime(record, ns=(stamp, stamp))


def copy(tmp_path: Path, shipped: str, learner: str | None, solution: str | None) -> LearnerCopy:
    """A learner's copy of a kata recorded as `shipped` (None: the file is missing)."""
    path = tmp_path / "katas" / "test_adding.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    if learner is not None:
        path.write_text(learner, "utf-8")
    kata = make_kata(path)
    ship(record_path(), kata, shipped)
    return LearnerCopy(kata, solution, "typed/test_adding.py")


# --- the record ------------------------------------------------------------------------------


def test_the_record_is_the_packages_unless_a_variable_names_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(RECORD_VARIABLE, raising=False)
    assert record_path() == RECORD
    assert RECORD.name == "shipped.json" and RECORD.parent.name == "pytest_katas"
    monkeypatch.setenv(RECORD_VARIABLE, "")
    assert record_path() == RECORD
    monkeypatch.setenv(RECORD_VARIABLE, "/elsewhere/mine.json")
    assert record_path() == Path("/elsewhere/mine.json")


def test_a_kata_is_found_by_id_and_path_and_a_new_record_is_read_again(
    tmp_path: Path, record: Path
) -> None:
    kata = make_kata(tmp_path / "test_adding.py")
    assert shipped_source(kata) is None  # no record at all
    ship(record, kata, "one")
    assert shipped_source(kata) == "one"
    assert shipped_source(make_kata(tmp_path / "test_adding.py", "other")) is None
    assert shipped_source(make_kata(tmp_path / "test_other.py")) is None
    ship(record, kata, "two")
    assert shipped_source(kata) == "two"


@pytest.mark.parametrize(
    "content",
    [b"{", b"\xff", b"[]", b'{"katas": []}', b'{"kata": {"adding:basics/test_adding.py": "x"}}'],
)
def test_a_record_that_makes_no_sense_knows_no_kata(
    tmp_path: Path, record: Path, content: bytes
) -> None:
    record.write_bytes(content)
    assert shipped_source(make_kata(tmp_path / "test_adding.py")) is None


def test_entries_that_are_not_text_are_left_out(tmp_path: Path, record: Path) -> None:
    kata = make_kata(tmp_path / "test_adding.py")
    other = make_kata(tmp_path / "test_other.py", "other")
    data = {"katas": {"adding:basics/test_adding.py": 1, "other:basics/test_other.py": "é"}}
    record.write_text(json.dumps(data), "utf-8")
    assert shipped_source(kata) is None
    assert shipped_source(other) == "é"


def test_recording_writes_every_kata_and_is_read_at_once(tmp_path: Path, record: Path) -> None:
    katas = []
    for name, text in (("test_b.py", "b = 'é'\n"), ("test_a.py", "a = 1\n")):
        (tmp_path / name).write_text(text, "utf-8")
        katas.append(make_kata(tmp_path / name, name[5]))
    assert shipped_source(katas[0]) is None
    catalog = Catalog(tmp_path, tmp_path, [Topic("basics", "Basics", tuple(katas))])
    assert record_katas(catalog) == 2
    text = record.read_text("utf-8")
    assert text == (
        '{\n "katas": {\n  "a:basics/test_a.py": "a = 1\\n",\n'
        '  "b:basics/test_b.py": "b = \'é\'\\n"\n }\n}\n'
    )
    assert shipped_source(katas[0]) == "b = 'é'\n"  # even within the same mtime


def test_a_copy_is_as_shipped_unless_it_differs_from_the_record(
    tmp_path: Path, record: Path
) -> None:
    path = tmp_path / "test_adding.py"
    kata = make_kata(path)
    path.write_text(KATA, "utf-8")
    assert is_as_shipped(kata)  # the record does not know it
    ship(record, kata, KATA)
    assert is_as_shipped(kata)
    changed = tmp_path / "changed" / "test_adding.py"
    changed.parent.mkdir()
    changed.write_text(KATA.replace("__", "2"), "utf-8")
    assert not is_as_shipped(make_kata(changed))
    assert is_as_shipped(make_kata(tmp_path / "missing" / "test_adding.py"))


# --- what a learner's copy counts for --------------------------------------------------------


def test_an_untouched_or_unknown_copy_is_not_tampering(tmp_path: Path, record: Path) -> None:
    assert copy(tmp_path, KATA, KATA, KATA).tampering is None
    missing = tmp_path / "missing"
    assert copy(missing, KATA, None, KATA).tampering is None
    path = tmp_path / "unknown.py"
    path.write_text("x = 1\n", "utf-8")
    unknown = LearnerCopy(make_kata(path, "unknown"), None, "unknown.py")
    assert unknown.shipped is None and unknown.tampering is None
    assert unknown.answer_lines == frozenset()


def test_a_copy_changed_outside_its_blanks_is_tampering(tmp_path: Path, record: Path) -> None:
    learner = KATA.replace("1 + 1", "1 + 2")
    tampering = copy(tmp_path, KATA, learner, None).tampering
    assert tampering is not None and tampering.changed
    assert tampering.message.startswith("typed/test_adding.py was changed outside its blanks (")
    assert "pytest --reset typed/test_adding.py" in tampering.message


def test_answered_blanks_alone_are_not_tampering(tmp_path: Path, record: Path) -> None:
    solution = KATA.replace("__", "2")
    kept = copy(tmp_path, KATA, KATA.replace("__", "3"), solution)
    assert kept.tampering is None
    assert kept.answer_lines == frozenset({5})


def test_without_a_solution_other_versions_are_not_checked(tmp_path: Path, record: Path) -> None:
    learner = versioned(first_else="99")
    assert copy(tmp_path, VERSIONED, learner, None).tampering is None
    assert copy(tmp_path / "b", VERSIONED, learner, VERSIONED_SOLUTION).tampering == Tampering(
        say("other-version", versions="< 3.0", line=5), False
    )


def test_a_right_answer_for_every_version_counts() -> None:
    assert _check_other_versions(VERSIONED, VERSIONED_SOLUTION, VERSIONED_SOLUTION) is None
    # the branches the running Python takes are its steps' business, not this check's
    learner = VERSIONED_SOLUTION.replace("(1 if", "(7 if").replace("else 2)", "else 7)")
    assert _check_other_versions(VERSIONED, learner, VERSIONED_SOLUTION) is None


@pytest.mark.parametrize(
    ("first_else", "second_body", "key", "versions", "line"),
    [
        ("11", "20", "other-version", "< 3.0", 5),
        ("10", "21", "other-version", ">= 99.0", 6),
        ("10.0", "20", "other-version", "< 3.0", 5),
        ("10", "'20'", "other-version", ">= 99.0", 6),
        ("__", "20", "fill-too", "< 3.0", 5),
        ("10", "__", "fill-too", ">= 99.0", 6),
        ("ten", "20", "not-literal", "< 3.0", 5),
        ("10", "f(20)", "not-literal", ">= 99.0", 6),
    ],
)
def test_a_wrong_answer_for_another_version_is_told(
    first_else: str, second_body: str, key: str, versions: str, line: int
) -> None:
    learner = versioned(first_else, second_body)
    assert _check_other_versions(VERSIONED, learner, VERSIONED_SOLUTION) == Tampering(
        say(key, versions=versions, line=line), False
    )


def test_true_is_not_an_answer_for_one() -> None:
    kata = "import sys\nx = __ if sys.version_info >= (99,) else 0\n"
    solution = kata.replace("__", "1")
    told = _check_other_versions(kata, kata.replace("__", "True"), solution)
    assert told == Tampering(say("other-version", versions=">= 99", line=2), False)
    assert _check_other_versions(kata, solution, solution) is None


def test_only_blanks_of_a_readable_version_test_are_checked() -> None:
    kata = (
        "import sys\n"
        "a = 1 if sys.version_info >= (99, 0) else __\n"  # the blank is the branch run
        "b = __ if sys.version_info > (3, 0) else __\n"  # not `>=`: cannot be read
        "c = 3 if sys.version_info >= (99, 0) else 4\n"  # no blank
        "d = __ if sys.version_info >= (99, 0) else 5\n"
    )
    solution = kata.replace("__", "0").replace("a = 1", "a = 1").replace("d = 0", "d = 9")
    learner = kata.replace("__", "7").replace("c = 3", "c = 3")
    told = _check_other_versions(kata, learner, solution)
    assert told == Tampering(say("other-version", versions=">= 99.0", line=5), False)
    assert _check_other_versions(kata, learner.replace("d = 7", "d = 9"), solution) is None


def test_a_reference_answer_that_is_not_a_literal_is_not_checked() -> None:
    kata = (
        "import sys\n"
        "x = __ if sys.version_info >= (99, 0) else 0\n"
        "y = __ if sys.version_info >= (99, 0) else 0\n"
    )
    solution = kata.replace("x = __", "x = f()").replace("y = __", "y = 2")
    learner = kata.replace("x = __", "x = 5").replace("y = __", "y = 3")
    told = _check_other_versions(kata, learner, solution)
    assert told == Tampering(say("other-version", versions=">= 99.0", line=3), False)


def test_sources_that_do_not_parse_are_not_checked() -> None:
    assert _check_other_versions(VERSIONED, "def (", VERSIONED_SOLUTION) is None
    assert _check_other_versions("def (", VERSIONED, VERSIONED_SOLUTION) is None
    assert _check_other_versions(VERSIONED, VERSIONED, "def (") is None


@pytest.mark.parametrize(
    ("test", "holds", "true", "false"),
    [
        ("sys.version_info >= (3, 0)", True, ">= 3.0", "< 3.0"),
        ("sys.version_info >= (99, 1, 2)", False, ">= 99.1.2", "< 99.1.2"),
        ("sys.version_info > (3, 0)", None, "", ""),
        ("sys.version_info >= (3, 0) >= (1,)", None, "", ""),
        ("version_info >= (3, 0)", None, "", ""),
        ("sys.version_info >= BOUND", None, "", ""),
        ("sys.version_info >= (3, 'a')", None, "", ""),
        ("sys.version_info >= 3", None, "", ""),
        ("sys.version_info[0] >= 3", None, "", ""),
    ],
)
def test_which_version_tests_are_read(test: str, holds: bool | None, true: str, false: str) -> None:
    (branch,) = version_branches(ast.parse(f"x = 1 if {test} else 2"))
    assert (branch.holds, branch.versions_true, branch.versions_false) == (holds, true, false)


def test_version_branches_are_in_source_order_and_only_version_tests() -> None:
    source = (
        "x = (1 if sys.version_info >= (3,) else 2, 3 if sys.version_info >= (4,) else 4)\n"
        "y = 1 if flag else 2\n"
        "z = 5 if sys.version_info >= (5,) else 6\n"
    )
    found = version_branches(ast.parse(source))
    assert [ast.unparse(branch.node.body) for branch in found] == ["1", "3", "5"]


# --- what `pytest solutions/` checks ---------------------------------------------------------


def test_readable_version_branches_with_literal_answers_are_fine() -> None:
    assert unreadable_version_branches(VERSIONED, VERSIONED_SOLUTION) == []


def test_unreadable_version_branches_are_named_by_line() -> None:
    kata = (
        "import sys\n"
        "a = __ if sys.version_info > (3, 0) else __\n"
        "b = 1 if sys.version_info > (3, 0) else 2\n"
        "c = __ if sys.version_info >= (3, 0) else 3\n"
        "d = 4 if sys.version_info >= (3, 0) else __\n"
    )
    solution = kata.replace("c = __", "c = f()").replace("else __\n", "else g()\n")
    solution = solution.replace("a = __ if", "a = 0 if").replace("else 3\n", "else h()\n")
    assert unreadable_version_branches(kata, solution) == [
        say("unlikely-version-test", line=2),
        say("branch-not-literal", line=4),
        say("branch-not-literal", line=4),
        say("branch-not-literal", line=5),
    ]
    assert say("branch-not-literal", line=4).startswith("the answer on line 4 depends")


def test_a_solution_with_fewer_version_branches_is_not_checked_past_them() -> None:
    kata = "import sys\na = __ if sys.version_info >= (3, 0) else 1\n"
    assert unreadable_version_branches(kata, "a = f()\n") == []
    assert unreadable_version_branches(kata, "def (") == []
    assert unreadable_version_branches("def (", kata) == []


# --- pytest.raises(__) -----------------------------------------------------------------------

RAISES = """\
import pytest
from pytest import raises


def test_raising():
    with pytest.raises(__):
        int("x")
    with raises(__):
        [][1]
    with pytest.raises(ValueError):
        int("y")
    with pytest.warns(__):
        pass
    assert __ == 1
"""


def test_raises_blanks_pair_each_answer_with_the_reference() -> None:
    learner = RAISES.replace("raises(__)", "raises(Exception)").replace("__", "Warning")
    solution = RAISES.replace("pytest.raises(__)", "pytest.raises(ValueError)")
    solution = solution.replace("raises(__)", "raises(IndexError)").replace("__", "UserWarning")
    found = sorted(
        (line, ast.unparse(mine), ast.unparse(reference))
        for line, mine, reference in raises_blanks(RAISES, learner, solution)
    )
    assert found == [(6, "Exception", "ValueError"), (8, "Exception", "IndexError")]


def test_raises_blanks_need_all_three_sources_to_parse_and_match() -> None:
    assert raises_blanks(RAISES, "def (", RAISES) == []
    assert raises_blanks(RAISES, RAISES, "def (") == []
    assert raises_blanks("def (", RAISES, RAISES) == []
    assert raises_blanks(RAISES, "x = 1\n", RAISES) == []
    assert raises_blanks(RAISES, RAISES, "x = 1\n") == []
    assert raises_blanks("pytest.raises()\n", "pytest.raises()\n", "pytest.raises()\n") == []


def test_a_broader_exception_class_is_told_for_the_steps_lines(
    tmp_path: Path, record: Path
) -> None:
    learner = RAISES.replace("pytest.raises(__)", "pytest.raises(Exception)")
    learner = learner.replace("raises(__)", "raises(LookupError)")
    solution = RAISES.replace("pytest.raises(__)", "pytest.raises(ValueError)")
    solution = solution.replace("raises(__)", "raises(IndexError)")
    kept = copy(tmp_path, RAISES, learner, solution)
    module = SimpleNamespace(LookupError=IndexError)  # the module's own names come first
    assert kept.broader_exception(module, {6, 7}) == say("too-broad", line=6)
    assert kept.broader_exception(module, {7, 8, 9}) is None
    assert kept.broader_exception(object(), {7, 8, 9}) == say("too-broad", line=8)
    assert kept.broader_exception(module, {7, 9, 10}) is None


def test_an_exception_class_that_cannot_be_resolved_is_not_told(
    tmp_path: Path, record: Path
) -> None:
    learner = RAISES.replace("pytest.raises(__)", "pytest.raises(Missing)")
    solution = RAISES.replace("pytest.raises(__)", "pytest.raises(ValueError)")
    kept = copy(tmp_path, RAISES, learner, solution)
    assert kept.broader_exception(None, {6}) is None
    unreferenced = copy(tmp_path / "b", RAISES, solution, learner)
    assert unreferenced.broader_exception(None, {6}) is None
    assert copy(tmp_path / "c", RAISES, learner, None).broader_exception(None, {6}) is None


def test_resolve_names_dotted_names_only() -> None:
    module = SimpleNamespace(asyncio=asyncio, TypeError=KeyError)
    expression = ast.parse("asyncio.CancelledError", mode="eval").body
    assert _resolve(expression, module) is asyncio.CancelledError
    assert _resolve(ast.parse("TypeError", mode="eval").body, module) is KeyError
    assert _resolve(ast.parse("TypeError", mode="eval").body, None) is TypeError
    assert _resolve(ast.parse("sys.missing", mode="eval").body, sys) is None
    assert _resolve(ast.parse("f().x", mode="eval").body, None) is None
    assert _resolve(ast.parse("(1).real", mode="eval").body, None) is None


def test_a_reference_class_of_the_kata_module_itself_is_resolved_there(
    tmp_path: Path, record: Path
) -> None:
    learner = RAISES.replace("pytest.raises(__)", "pytest.raises(Exception)")
    solution = RAISES.replace("pytest.raises(__)", "pytest.raises(KataError)")
    kept = copy(tmp_path, RAISES, learner, solution)
    module = SimpleNamespace(KataError=type("KataError", (Exception,), {}))
    assert kept.broader_exception(module, {6}) == say("too-broad", line=6)
    assert kept.kata.path == tmp_path / "katas" / "test_adding.py"


def test_resolve_sees_nothing_of_the_checkers_own_names() -> None:
    assert _resolve(ast.parse("json", mode="eval").body, None) is None
    assert _resolve(ast.parse("ast.AST", mode="eval").body, SimpleNamespace()) is None


def test_an_answer_holding_a_version_test_of_its_own_is_not_a_crash() -> None:
    kata = VERSIONED + "    assert 3 == __\n"
    solution = VERSIONED_SOLUTION + "    assert 3 == 3\n"
    learner = VERSIONED_SOLUTION + "    assert 3 == (3 if sys.version_info >= (3, 0) else 0)\n"
    assert _check_other_versions(kata, learner, solution) is None


# --- pairing blanks --------------------------------------------------------------------------

BUILD = '''\
def build(x):
    __


def other(y):
    return y


async def documented():
    """Doc."""
    __


def test_it():
    assert build(1) == __
'''


def test_a_build_blank_pairs_its_function_and_nothing_inside_it() -> None:
    solution = (
        BUILD.replace("    __\n\n\ndef other", "    print(x)\n\n\ndef other")
        .replace('"""Doc."""\n    __', '"""Doc."""\n    len(x)')
        .replace("== __", "== 1")
    )
    kata_tree, solution_tree = ast.parse(BUILD), ast.parse(solution)
    pairs = pair_sites(kata_tree, solution_tree)
    found = [
        (type(kata).__name__, getattr(kata, "name", None), ast.unparse(other))
        for kata, other in pairs
    ]
    assert [item[:2] for item in found] == [
        ("FunctionDef", "build"),
        ("AsyncFunctionDef", "documented"),
        ("Name", None),
    ]
    assert found[0][2] == "def build(x):\n    print(x)"
    assert found[2][2] == "1"
    assert [ast.unparse(other) for _, other in pair_blanks(kata_tree, solution_tree)] == ["1"]


def test_the_record_is_written_as_utf8_whatever_the_locale(tmp_path: Path, record: Path) -> None:
    (tmp_path / "test_a.py").write_text("a = 'é'\n", "utf-8")
    # here too, so that mutmut picks this test for the function
    assert record_katas(Catalog(tmp_path, tmp_path, [])) == 0
    code = (
        "import sys; from pathlib import Path\n"
        "from pytest_katas.catalog import FORMAT_DOC, Catalog, Kata, Topic\n"
        "from pytest_katas.shipped import record_katas\n"
        "assert sys.flags.utf8_mode == 0, 'the locale is meant to be ASCII'\n"
        "root = Path(sys.argv[1])\n"
        "kata = Kata('a', 'a', (), 'basics', root / 'test_a.py', 'test_a.py', 'basics/test_a.py',"
        " 1, 'topic.toml')\n"
        "record_katas(Catalog(root, root, [Topic('basics', 'Basics', (kata,))]))\n"
    )
    record = tmp_path / "shipped.json"
    env = {
        **os.environ,
        RECORD_VARIABLE: str(record),
        "LC_ALL": "C",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
    }
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], env=env, check=True)
    assert json.loads(record.read_bytes().decode("utf-8")) == {
        "katas": {"a:basics/test_a.py": "a = 'é'\n"}
    }


def test_the_answers_revealed_are_the_references_in_line_order_on_one_line() -> None:
    kata = "def test_it():\n    assert __ == 3\n\n    assert __ == [1, 2]\n"
    solution = "def test_it():\n    assert 3 == 3\n\n    assert [\n        1,\n        2,\n    ]"
    solution += " == [1, 2]\n"
    assert answers(kata, solution) == [(2, "3"), (4, "[ 1, 2, ]")]
    assert answers(kata, "def (") == []
    assert answers("def (", solution) == []


# --- python -m pytest_katas.shipped ----------------------------------------------------------


def kata_tree(root: Path, topics: str = '"basics", "more"') -> dict[str, str]:
    """A kata tree under `root` (its katas/ folder); the record it should get."""
    files = {
        "curriculum.toml": f"topics = [{topics}]\n",
        "basics/topic.toml": BASICS_TOPIC,
        "more/topic.toml": MORE_TOPIC,
        "basics/test_adding.py": ADDING_KATA,
        "basics/test_counting.py": COUNTING_KATA,
        "more/test_strings.py": STRINGS_KATA,
    }
    for name, text in files.items():
        (root / "katas" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "katas" / name).write_text(text, "utf-8")
    return {
        "adding:basics/test_adding.py": ADDING_KATA,
        "counting:basics/test_counting.py": COUNTING_KATA,
        "strings:more/test_strings.py": STRINGS_KATA,
    }


def test_the_record_command_records_the_katas_under_the_root_it_is_given(
    tmp_path: Path,
    record: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = kata_tree(tmp_path / "repo")
    monkeypatch.chdir(tmp_path)  # a folder without katas/: the root given counts, not this
    monkeypatch.setattr(sys, "argv", ["shipped.py", str(tmp_path / "repo")])
    assert main() == 0
    assert json.loads(record.read_text("utf-8")) == {"katas": expected}
    assert capsys.readouterr().out == f"recorded 3 katas in {record}\n"


def test_the_record_command_without_a_root_records_the_current_folders_katas(
    tmp_path: Path,
    record: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = kata_tree(tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    monkeypatch.setattr(sys, "argv", ["shipped.py"])
    assert main() == 0
    assert json.loads(record.read_text("utf-8")) == {"katas": expected}
    assert capsys.readouterr().out == f"recorded 3 katas in {record}\n"


def test_the_record_command_prints_the_catalogs_problems_and_records_the_rest(
    tmp_path: Path,
    record: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = kata_tree(tmp_path, topics='"basics", "more", "gone"')
    monkeypatch.setattr(sys, "argv", ["shipped.py", str(tmp_path)])
    assert main() == 0
    assert json.loads(record.read_text("utf-8")) == {"katas": expected}
    assert capsys.readouterr().out == (
        f"! katas/gone/topic.toml: missing; every topic folder needs one (see {FORMAT_DOC})\n"
        f"recorded 3 katas in {record}\n"
    )


@pytest.mark.parametrize(
    ("kata", "learner", "line"),
    [
        ("assert events == __", "assert events == events", 2),
        ("assert type(g) is __", "assert type(g) is type( g )", 2),
        ("assert __ == len(x)", "assert (len(x)) == len(x)", 2),
        ("assert events == __", "assert events == [1, 2]", None),
        ("assert events == __", "assert events == list(events)", None),
        ("assert a < __ < b", "assert a < a < b", None),  # chained: not one other side
        ("assert __ == __", "assert x == x", None),  # both sides are blanks: nothing restated
    ],
)
def test_an_answer_that_restates_the_other_side_is_found_by_its_line(
    kata: str, learner: str, line: int | None
) -> None:
    source = "def test():\n    {}\n"
    assert restated_answer(source.format(kata), source.format(learner)) == line


def test_the_first_restated_answer_is_named_and_a_file_that_does_not_parse_has_none() -> None:
    kata = "def test():\n    assert a == __\n    assert b == __\n"
    assert restated_answer(kata, "def test():\n    assert a == 1\n    assert b == b\n") == 3
    assert restated_answer(kata, "def test():\n    assert b == b\n    assert a == a\n") is None
    assert restated_answer(kata, "def test(:\n") is None
