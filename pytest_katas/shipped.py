"""Each kata as shipped, and whether a learner's copy changed anything but its blanks.

A pass counts only when the kata is still the kata: everything outside its blanks as shipped
(comments and layout aside: the syntax trees are compared, as `drift.find_drift` compares a
solution with its kata), and every answer that depends on the Python version right for every
supported version, not only for the one running (the branch not taken is compared with the
reference answer, never shown).

The katas as shipped are kept in a record inside the package, `pytest_katas/shipped.json`, where a
learner's edits to `katas/` cannot reach them. A maintainer writes it with
`python -m pytest_katas.shipped` and `pytest solutions/` checks that it matches `katas/`
(the `shipped-record` check). A kata tree the record does not know (a pack of one's own) is not
checked for changes.
"""

from __future__ import annotations

import ast
import builtins
import json
import os
import sys
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from pytest_katas.answers import answer_lines
from pytest_katas.blanks import BLANK_NAME, is_build_blank
from pytest_katas.catalog import Catalog, Kata, read_source
from pytest_katas.drift import find_drift
from pytest_katas.i18n import N_, Messages
from pytest_katas.workspace.record import (
    shipped_in_workspace,
    tree_root_of,
    workspace_record_at,
)

say = Messages(
    {
        "changed": N_(
            "{path} was changed outside its blanks ({where}), so it cannot count as "
            "passed: put that back, or restore the kata as shipped with {pytest} --reset {path} "
            "(your version is kept beside it)"
        ),
        "saved-during-run": N_(
            "{path} was saved while this run was using it, so its result here does not count: "
            "run it again ({pytest} {path})"
        ),
        "other-version": N_(
            "the answer for Python {versions} on line {line} is not right: it is checked "
            "too, whichever Python you run"
        ),
        "fill-too": N_(
            "fill in the answer for Python {versions} on line {line} too: it is checked "
            "as well, whichever Python you run"
        ),
        "not-literal": N_(
            "write the answer for Python {versions} on line {line} as a literal (a number, "
            "a string, a tuple, a list …), so it can be checked without that Python"
        ),
        "restated": N_(
            "the answer on line {line} restates the other side of its comparison, which "
            "holds whatever the value is: write the value you predict"
        ),
        "evasive": N_(
            "the answer on line {line} is not a value you predict but a way around predicting "
            "one (an object equal to anything, a lambda, a value fetched by name at run time): "
            "write the value you predict"
        ),
        "blank-left": N_(
            "{step} still holds a blank (line {line}), so it cannot pass by its own code: "
            "something outside the kata made it pass (a conftest.py or plugin?); fill the blank"
        ),
        "too-broad": N_(
            "the exception class on line {line} is not the one the code raises (a broader "
            "class catches it too, but the answer is the class itself)"
        ),
        "stale": N_(
            "{path} is not as recorded in {record}: run {command} to record the katas as they "
            "are now"
        ),
        "not-recorded": N_(
            "{path} is not in {record}, so a learner's change outside its blanks would go "
            "unseen: run {command} to record the katas as shipped"
        ),
        "unlikely-version-test": N_(
            "line {line} tests sys.version_info in a way a checker cannot read: write "
            "__ if sys.version_info >= (3, X) else __"
        ),
        "branch-not-literal": N_(
            "the answer on line {line} depends on the Python version but is not a literal, "
            "so a learner's answer for other versions cannot be checked"
        ),
    }
)

RECORD = Path(__file__).with_name("shipped.json")
RECORD_VARIABLE = "PYTEST_KATAS_SHIPPED"
"""Names another record file (a test's)."""
TREE_RECORD = "katas-shipped.json"
"""A pack's record of its katas as shipped, at the root of its kata tree."""


def record_path(root: Path | None = None) -> Path:
    """The record of the kata tree at `root`: `$PYTEST_KATAS_SHIPPED`; else the tree's own
    `katas-shipped.json` when it has one (a pack); else the package's `shipped.json` (this
    repository's katas, and any other tree without a record: it knows none of a pack's katas)."""
    named = os.environ.get(RECORD_VARIABLE)
    if named:
        return Path(named)
    if root is not None and (root / TREE_RECORD).is_file():
        return root / TREE_RECORD
    return RECORD


def record_to_write(root: Path) -> Path:
    """Where `python -m pytest_katas.shipped ROOT` records the tree at `root`:
    `$PYTEST_KATAS_SHIPPED`, else the package's `shipped.json` for this repository's own katas,
    else the tree's `katas-shipped.json` (a pack)."""
    named = os.environ.get(RECORD_VARIABLE)
    if named:
        return Path(named)
    return RECORD if root.resolve() == RECORD.parent.parent.resolve() else root / TREE_RECORD


@lru_cache(maxsize=4)
def _record(path: Path, mtime_ns: int) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    katas = data.get("katas") if isinstance(data, dict) else None
    if not isinstance(katas, dict):
        return {}
    return {str(key): str(value) for key, value in katas.items() if isinstance(value, str)}


def shipped_source(kata: Kata) -> str | None:
    """The kata as shipped, or None when no record knows it. In a learner's workspace (written by
    `pytest-katas init`) that is the kata as its record says the learner got it, whatever
    version of pytest-katas is installed now (see `workspace.record.shipped_in_workspace`);
    elsewhere the tree's record (see `record_path`), keyed by `id:relpath`."""
    workspace = shipped_in_workspace(kata)
    if workspace is not None:
        return workspace.text
    path = record_path(tree_root_of(kata))
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return None
    return _record(path, mtime).get(f"{kata.id}:{kata.relpath}")


def shipped_at(root: Path, katas_dir: Path, path: Path) -> str | None:
    """The kata shipped at `path` (a file of `katas_dir`, the katas/ folder of the tree at `root`),
    whether or not the file is there: for a kata the learner deleted, which the catalog no
    longer lists. From the workspace's record in a workspace, else from the tree's (see
    `record_path`); None when neither knows a kata there."""
    try:
        from_root = path.relative_to(root).as_posix()
        relpath = path.relative_to(katas_dir).as_posix()
    except ValueError:
        return None
    workspace = workspace_record_at(root)
    if workspace is not None:
        return workspace.files.get(from_root) if from_root in workspace.katas.values() else None
    record = record_path(root)
    try:
        katas = _record(record, record.stat().st_mtime_ns)
    except OSError:
        return None
    return next((text for key, text in katas.items() if key.endswith(f":{relpath}")), None)


def is_as_shipped(kata: Kata) -> bool:
    """Whether the learner's copy of `kata` is the kata as shipped (True when the record does not
    know the kata, or the file cannot be read: nothing to tell apart). Reads the kata through
    the catalog's cache, which the run has filled already (its steps)."""
    return _unchanged(shipped_source(kata), kata.source)


def _unchanged(shipped: str | None, learner: str | None) -> bool:
    return shipped is None or learner is None or learner == shipped


def record_katas(catalog: Catalog) -> int:
    """Write the record of every kata of `catalog` as it is now (where `record_to_write` says);
    return how many. Raises OSError."""
    katas = {f"{kata.id}:{kata.relpath}": read_source(kata.path) for kata in catalog.katas}
    record_to_write(catalog.root).write_text(
        json.dumps({"katas": katas}, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    _record.cache_clear()
    return len(katas)


# --- what a learner's copy may differ in ---------------------------------------------------------


@dataclass(frozen=True)
class Tampering:
    """Why a kata's passes do not count: one line for the learner."""

    message: str
    changed: bool
    """True: changed outside its blanks; False: a wrong answer for another Python version."""


class LearnerCopy:
    """A learner's copy of a kata, read once per run beside the kata as shipped and its
    reference solution (`solution`: its source, None when there is none), and what it may count
    for. `typed` is the kata's path as the learner types it where pytest was started (for the
    commands a message prints)."""

    def __init__(self, kata: Kata, solution: str | None, typed: str) -> None:
        self.kata = kata
        self.typed = typed
        self.shipped = shipped_source(kata)
        self.learner = _read_or_none(kata.path)
        self.solution = solution

    @property
    def is_as_shipped(self) -> bool:
        """Whether this copy is the kata as shipped (see `is_as_shipped`)."""
        return _unchanged(self.shipped, self.learner)

    @cached_property
    def saved_during_run(self) -> bool:
        """Whether the file is no longer what was read and judged at the start of the run: the
        learner saved it while the run went on (watch mode, an editor's runner), so the code that
        ran may not be the code judged. Asked once, at the kata's first step, after every kata
        was imported."""
        return _read_or_none(self.kata.path) != self.learner

    @property
    def saved_during_run_message(self) -> str:
        return say("saved-during-run", path=self.typed)

    @cached_property
    def tampering(self) -> Tampering | None:
        """Why its passes cannot count: changed outside its blanks, or a wrong answer for another
        Python version. None: they count (or the record does not know the kata)."""
        if self.shipped is None or self.learner is None or self.learner == self.shipped:
            return None  # not recorded, or untouched: nothing changed and nothing answered yet
        drift = find_drift(self.shipped, self.learner, blanks_left=True)
        if drift is not None:
            return Tampering(say("changed", path=self.typed, where=drift.message), changed=True)
        restated = restated_answer(self.shipped, self.learner)
        if restated is not None:
            return Tampering(say("restated", line=restated), changed=False)
        evasive = evasive_answer(self.shipped, self.learner)
        if evasive is not None:
            return Tampering(say("evasive", line=evasive), changed=False)
        if self.solution is None:
            return None
        return _check_other_versions(self.shipped, self.learner, self.solution)

    @cached_property
    def answer_lines(self) -> frozenset[int]:
        """The lines of the learner's copy that hold answers (see `answers.answer_lines`)."""
        if self.shipped is None or self.learner is None:
            return frozenset()
        return answer_lines(self.shipped, self.learner)

    @cached_property
    def _raises(self) -> list[tuple[int, ast.expr, ast.expr]]:
        if self.shipped is None or self.learner is None or self.solution is None:
            return []
        return raises_blanks(self.shipped, self.learner, self.solution)

    @cached_property
    def _learner_tree(self) -> ast.Module | None:
        try:
            return None if self.learner is None else ast.parse(self.learner)
        except SyntaxError:
            return None

    def blank_left(self, step: str) -> str | None:
        """For a step that passed: why it cannot have, when its code (the learner's copy) still
        holds a blank `__`, or calls a function whose body is still the blank. Every step of a
        kata as shipped fails because of a blank (the maintainer check `kata-fails-as-shipped`),
        so something outside the kata made it pass (a conftest.py or plugin that skips the
        step's code). None: no blank is left in it."""
        tree = self._learner_tree
        if tree is None:
            return None
        functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
        unwritten = {function.name for function in functions if is_build_blank(function)}
        code = next((function for function in functions if function.name == step), None)
        if code is None:
            return None
        for node in ast.walk(code):
            if isinstance(node, ast.Name) and (node.id == BLANK_NAME or node.id in unwritten):
                return say("blank-left", step=step, line=node.lineno)
        return None

    def broader_exception(self, module: object, lines: set[int]) -> str | None:
        """For a step (its code's `lines`, run in `module`) that passed: a `pytest.raises(__)`
        answered with a class broader than the reference's (`Exception` for `TypeError`)
        passes pytest but is not the prediction."""
        for line, mine, reference in self._raises:
            if line not in lines:
                continue
            answer, expected = _resolve(mine, module), _resolve(reference, module)
            if answer is not None and expected is not None and answer is not expected:
                return say("too-broad", line=line)
        return None


def _read_or_none(path: Path) -> str | None:
    try:
        return read_source(path)
    except OSError:
        return None


def _resolve(expression: ast.expr, module: object) -> object | None:
    """The object a dotted name (`TypeError`, `asyncio.CancelledError`) names in a module, or
    None: nothing else is evaluated."""
    node: ast.expr = expression
    while isinstance(node, ast.Attribute):
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    namespace = dict(vars(builtins), **getattr(module, "__dict__", {}))
    try:
        found: object = eval(compile(ast.Expression(expression), "<answer>", "eval"), {}, namespace)
    except Exception:
        return None
    return found


@dataclass(frozen=True)
class VersionBranch:
    """`body if sys.version_info >= (3, X) else orelse`: which branch the running Python takes."""

    node: ast.IfExp
    holds: bool | None
    """Whether the test holds on the running Python; None when it cannot be read."""
    versions_true: str
    versions_false: str


def version_branches(tree: ast.AST) -> list[VersionBranch]:
    """Every conditional expression whose test compares `sys.version_info`, in source order."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.IfExp) and "version_info" in ast.dump(node.test):
            found.append(_read_branch(node))
    return sorted(found, key=lambda branch: (branch.node.lineno, branch.node.col_offset))


def _read_branch(node: ast.IfExp) -> VersionBranch:
    test = node.test
    if (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.GtE)
        and ast.unparse(test.left) == "sys.version_info"
    ):
        try:
            bound = ast.literal_eval(test.comparators[0])
        except ValueError:
            bound = None
        if isinstance(bound, tuple) and all(isinstance(part, int) for part in bound):
            shown = ".".join(map(str, bound))
            return VersionBranch(node, sys.version_info >= bound, f">= {shown}", f"< {shown}")
    return VersionBranch(node, None, "", "")


def _is_blank(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == BLANK_NAME


def _check_other_versions(shipped: str, learner: str, solution: str) -> Tampering | None:
    try:
        trees = [ast.parse(source) for source in (shipped, learner, solution)]
    except SyntaxError:
        return None
    shipped_branches, learner_branches, solution_branches = map(version_branches, trees)
    for kata_branch, mine, reference in zip(
        shipped_branches, learner_branches, solution_branches, strict=False
    ):
        if kata_branch.holds is None:
            continue
        pairs = [
            (kata_branch.node.body, mine.node.body, reference.node.body, True),
            (kata_branch.node.orelse, mine.node.orelse, reference.node.orelse, False),
        ]
        for blank, answer, expected, side in pairs:
            if not _is_blank(blank) or side == kata_branch.holds:
                continue  # not a blank, or the branch this Python runs (its step checks it)
            versions = kata_branch.versions_true if side else kata_branch.versions_false
            try:
                expected_value = ast.literal_eval(expected)
            except ValueError:
                continue  # the maintainer check names it
            if _is_blank(answer):
                return Tampering(say("fill-too", versions=versions, line=answer.lineno), False)
            try:
                answer_value = ast.literal_eval(answer)
            except ValueError:
                return Tampering(say("not-literal", versions=versions, line=answer.lineno), False)
            if type(answer_value) is not type(expected_value) or answer_value != expected_value:
                return Tampering(say("other-version", versions=versions, line=answer.lineno), False)
    return None


def unreadable_version_branches(kata_source: str, solution_source: str) -> list[str]:
    """For `pytest solutions/`: every version-dependent blank a learner's answer for another
    version could not be checked in, one line each."""
    try:
        kata_tree, solution_tree = ast.parse(kata_source), ast.parse(solution_source)
    except SyntaxError:
        return []
    problems = []
    solutions = version_branches(solution_tree)
    for index, branch in enumerate(version_branches(kata_tree)):
        blanks = [part for part in (branch.node.body, branch.node.orelse) if _is_blank(part)]
        if not blanks:
            continue
        if branch.holds is None:
            problems.append(say("unlikely-version-test", line=branch.node.lineno))
            continue
        if index >= len(solutions):
            continue
        reference = solutions[index].node
        for part in (reference.body, reference.orelse):
            try:
                ast.literal_eval(part)
            except ValueError:
                problems.append(say("branch-not-literal", line=part.lineno))
    return problems


Site = ast.expr | ast.FunctionDef | ast.AsyncFunctionDef
"""Where a blank stands: a predict blank's expression, or a build blank's function."""


def pair_sites(kata_tree: ast.AST, other_tree: ast.AST) -> list[tuple[Site, Site]]:
    """Each blank of the kata with what stands in its place in `other_tree` (a learner's copy, a
    solution), in the kata's order: a predict blank with the expression written there, a build
    blank's function with the function there (of the same kind). The two trees are walked side
    by side; where their shapes part, the rest of that branch is skipped."""
    pairs: list[tuple[Site, Site]] = []

    def walk(kata: object, other: object) -> None:
        if isinstance(kata, ast.expr) and _is_blank(kata) and isinstance(other, ast.expr):
            pairs.append((kata, other))
        elif isinstance(kata, ast.AST) and type(kata) is type(other):
            function = kata if isinstance(kata, ast.FunctionDef | ast.AsyncFunctionDef) else None
            build = function is not None and is_build_blank(function)
            if function is not None and build and isinstance(other, type(function)):
                pairs.append((function, other))
            for name in kata._fields:
                # a build blank's body is the code written there, not a blank to pair
                if not (build and name == "body"):
                    walk(getattr(kata, name, None), getattr(other, name, None))
        elif isinstance(kata, list) and isinstance(other, list) and len(kata) == len(other):
            for kata_item, other_item in zip(kata, other, strict=True):
                walk(kata_item, other_item)

    walk(kata_tree, other_tree)
    return pairs


def restated_answer(kata_source: str, learner_source: str) -> int | None:
    """The line of the first predict blank answered with the very expression on the other side
    of its comparison (`assert events == events`, `assert type(g) is type(g)`): the assertion
    then holds whatever the value, so it predicts nothing. Compared as syntax trees, so spacing
    and parentheses do not matter. None when there is none (or a file does not parse)."""
    try:
        kata_tree, learner_tree = ast.parse(kata_source), ast.parse(learner_source)
    except SyntaxError:
        return None
    answers = {id(blank): answer for blank, answer in pair_blanks(kata_tree, learner_tree)}
    found: list[int] = []
    for node in ast.walk(kata_tree):
        if not isinstance(node, ast.Compare) or len(node.comparators) != 1:
            continue
        left, right = node.left, node.comparators[0]
        for blank, other in ((left, right), (right, left)):
            answer = answers.get(id(blank))
            if answer is not None and not _is_blank(other) and ast.dump(answer) == ast.dump(other):
                found.append(blank.lineno)
    return min(found, default=None)


_EVASIVE_CALLS = frozenset({"__import__", "eval", "exec", "compile", "getattr", "globals", "vars"})
"""Calls that fetch or build a value by name at run time: no prediction needs them."""


def evasive_answer(kata_source: str, learner_source: str) -> int | None:
    """The line of the first predict blank answered with something that is not a predicted
    value but a way around predicting one: an object equal to anything (`unittest.mock.ANY`),
    a lambda, a class built on the spot (`type(name, bases, namespace)`), a dunder attribute
    (`__eq__`, `__class__`), or a value fetched by name at run time (`__import__`, `eval`,
    `getattr` …). None when there is none (or a file does not parse)."""
    try:
        kata_tree, learner_tree = ast.parse(kata_source), ast.parse(learner_source)
    except SyntaxError:
        return None
    for blank, answer in pair_blanks(kata_tree, learner_tree):
        for node in ast.walk(answer):
            if _is_evasive(node):
                return blank.lineno
    return None


def _is_evasive(node: ast.AST) -> bool:
    if isinstance(node, ast.Lambda):
        return True
    if isinstance(node, ast.Name):
        return node.id == "ANY"
    if isinstance(node, ast.Attribute):
        return node.attr == "ANY" or _is_dunder(node.attr)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id in _EVASIVE_CALLS or (node.func.id == "type" and len(node.args) == 3)
    return False


def _is_dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def pair_blanks(kata_tree: ast.AST, other_tree: ast.AST) -> list[tuple[ast.expr, ast.expr]]:
    """Each predict blank of the kata with the expression written in its place in `other_tree`
    (see `pair_sites`). Build blanks are left out."""
    return [
        (kata, other)
        for kata, other in pair_sites(kata_tree, other_tree)
        if isinstance(kata, ast.expr) and isinstance(other, ast.expr)
    ]


def answers(kata_source: str, solution_source: str) -> list[tuple[int, str]]:
    """Each predict blank's line with the reference answer written there (its source text), in
    source order: what `pytest --reveal` shows."""
    try:
        kata_tree, solution_tree = ast.parse(kata_source), ast.parse(solution_source)
    except SyntaxError:
        return []
    return [
        (blank.lineno, " ".join((ast.get_source_segment(solution_source, answer) or "").split()))
        for blank, answer in pair_blanks(kata_tree, solution_tree)
    ]


def raises_blanks(
    shipped: str, learner: str, solution: str
) -> list[tuple[int, ast.expr, ast.expr]]:
    """Each `pytest.raises(__)` blank: its line, the learner's answer and the reference's."""
    try:
        trees = [ast.parse(source) for source in (shipped, learner, solution)]
    except SyntaxError:
        return []
    in_raises = {
        id(node.args[0])
        for node in ast.walk(trees[0])
        if isinstance(node, ast.Call)
        and ast.unparse(node.func) in ("pytest.raises", "raises")
        and node.args
        and _is_blank(node.args[0])
    }
    mine = {id(blank): answer for blank, answer in pair_blanks(trees[0], trees[1])}
    reference = {id(blank): answer for blank, answer in pair_blanks(trees[0], trees[2])}
    return [
        (mine[key].lineno, mine[key], reference[key])
        for key in in_raises
        if key in mine and key in reference
    ]


def main() -> int:
    """`python -m pytest_katas.shipped [ROOT]`: record the katas under ROOT/katas as shipped (in
    the package for this repository, in ROOT/katas-shipped.json for a pack)."""
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    catalog = Catalog.load(root, root / "katas")
    for problem in catalog.problems:
        print(f"! {problem}")
    count = record_katas(catalog)
    print(f"recorded {count} katas in {record_to_write(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
