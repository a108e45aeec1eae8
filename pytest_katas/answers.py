"""Answer-safe failures: a wrong answer is reported without the right one.

When a learner fills a predict blank with a wrong value, pytest's assertion report prints the right
value beside it (`assert (None, 10, 20) == (10, 20)`), and a `pytest.raises(WrongType)` shows the
exception really raised: copying it passes the step without a thought. `explain_wrong_answer` says
instead that the answer on line N is not right, with help that never shows the right value: the
kinds differ ("your answer is a list, the value is a tuple"), the lengths differ, the code raised
nothing, or raised another exception.

The values are read, never computed again: the learner's answer is the learner's own text; the
other side of a comparison is read from the temporaries that pytest's assertion rewriting left in
the failing frame, else only from an expression that cannot run code (a name, an attribute stored
in a module or a class, a constant subscript of a built-in container). The error message is never
read, since that is where pytest puts the values.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import inspect
import types
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import FrameType, TracebackType

import pytest

from pytest_katas.blanks import BLANK_NAME, BlankError, BlankSites, find_blank_sites
from pytest_katas.catalog import read_source
from pytest_katas.failures import Explanation, excerpt
from pytest_katas.i18n import N_, Messages, N_plural

say = Messages(
    {
        "wrong": N_("The answer on line {line} of {path} is not right{why}."),
        "summary": N_("the answer on line {line} is not right{why}"),
        "because": N_(": {reason}"),
        "checked-on": N_("It is checked on line {line}:"),
        "raised-on": N_("The exception came from line {line}:"),
        "kinds": N_("your answer is {answer}, the value is {value}"),
        "lengths": N_("your answer has {answer}, the value has {value}"),
        "length-not": N_("your answer has {answer}, which is not how many the value has"),
        "value-holds": N_("your answer is {answer}, the value holds {value} items"),
        "answer-holds": N_("your answer holds {answer} items, the value is {value}"),
        "not-instance": N_("the value is not an instance of your answer, nor of a subclass of it"),
        "did-not-raise": N_("the code raised nothing where your answer says it raises"),
        "other-exception": N_(
            "the code raised a different exception than your answer, on line {line}"
        ),
        "undefined": N_("your answer uses the name {name}, which is not defined there"),
        "raised": N_("the statement with your answer raised {kind}"),
        "kind-a": N_("a {kind}"),
        "kind-an": N_("an {kind}"),
        "items": N_plural("1 item", "{count} items"),
        "characters": N_plural("1 character", "{count} characters"),
        "bytes": N_plural("1 byte", "{count} bytes"),
    }
)

_MISSING = object()
"""A value that could not be read safely."""

_SIZED = (list, tuple, dict, set, frozenset, str, bytes, bytearray)
"""Built-in types whose len() and iteration run no Python code."""
_SUBSCRIPTABLE = (dict, list, tuple, str, bytes)
_COLLECTIONS = (list, tuple, set, frozenset, dict)
_SINGLETONS = (type(None), type(Ellipsis), type(NotImplemented))
"""Types with one value: naming the type would name the value."""

Location = tuple[int, int, int, int]


def answer_lines(shipped_source: str, learner_source: str) -> frozenset[int]:
    """The lines of `learner_source` that hold what the learner wrote where `shipped_source` has a
    predict blank (`__` used as an expression; a statement that is only `__` is a build blank and
    does not count). Both trees are walked side by side; where their shapes part, only what was
    matched so far counts. Never raises: a source that does not parse gives an empty set."""
    try:
        shipped = ast.parse(shipped_source)
        learner = ast.parse(learner_source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return frozenset()
    found: set[int] = set()
    with contextlib.suppress(RecursionError):  # a very deep tree: what was found so far
        _pair(shipped, learner, found)
    return frozenset(found)


def _is_blank(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == BLANK_NAME and isinstance(node.ctx, ast.Load)


def _span(node: ast.AST) -> range:
    first: int = getattr(node, "lineno", 0)
    last: int | None = getattr(node, "end_lineno", None)
    return range(first, (last or first) + 1)


def _pair(shipped: ast.AST, learner: ast.AST, found: set[int]) -> None:
    if _is_blank(shipped):
        if isinstance(learner, ast.expr):
            found.update(_span(learner))
        return
    if isinstance(shipped, ast.Expr) and _is_blank(shipped.value):
        return  # a build blank: the learner writes statements, not an answer
    if type(shipped) is not type(learner):
        # the learner's text changed the shape around a blank (`x == 1 if a else 2`): it is
        # still what the learner wrote there
        if (
            isinstance(shipped, ast.expr)
            and isinstance(learner, ast.expr)
            and any(_is_blank(node) for node in ast.walk(shipped))
        ):
            found.update(_span(learner))
        return
    for name in shipped._fields:
        ours, theirs = getattr(shipped, name, None), getattr(learner, name, None)
        if isinstance(ours, ast.AST) and isinstance(theirs, ast.AST):
            _pair(ours, theirs, found)
        elif isinstance(ours, list) and isinstance(theirs, list):
            _pair_lists(ours, theirs, found)


def _pair_lists(shipped: list[object], learner: list[object], found: set[int]) -> None:
    if len(shipped) == len(learner):
        pairs = list(zip(shipped, learner, strict=True))
    else:
        # pair from the front, then from the back, as far as the kinds of node agree
        front = 0
        limit = min(len(shipped), len(learner))
        while front < limit and type(shipped[front]) is type(learner[front]):
            front += 1
        back = 0
        while back < limit - front and type(shipped[-1 - back]) is type(learner[-1 - back]):
            back += 1
        pairs = list(zip(shipped[:front], learner[:front], strict=True))
        tail = zip(shipped[len(shipped) - back :], learner[len(learner) - back :], strict=True)
        pairs += list(tail)
    for ours, theirs in pairs:
        if isinstance(ours, ast.AST) and isinstance(theirs, ast.AST):
            _pair(ours, theirs, found)


@dataclass(frozen=True)
class _Learner:
    """The kata file as it is now: its tree and where its statements start and end."""

    tree: ast.Module
    sites: BlankSites


@lru_cache(maxsize=64)
def _learner_file(path: Path, mtime_ns: int) -> _Learner | None:
    try:
        source = read_source(path)
        return _Learner(ast.parse(source), find_blank_sites(source))
    except (OSError, SyntaxError, ValueError, RecursionError):
        return None


@dataclass(frozen=True)
class _Frame:
    line: int
    frame: FrameType
    deeper: bool
    """Whether the exception came from code this statement called."""
    exiting: bool
    """Whether it came from an `__exit__` this statement called (a `with`)."""


def explain_wrong_answer(
    error: BaseException,
    traceback: TracebackType | None,
    kata_path: Path,
    display: str,
    answer_lines: frozenset[int],
) -> Explanation | None:
    """Explain a step that failed on a learner's answer without showing the right value.

    `answer_lines` are the learner's answer lines (see `answer_lines`), `display` the kata's path
    as the learner sees it. Returns None when the failure is not on an answer, and when the kata
    file cannot be read or parsed (then pytest's own report stands). Never raises."""
    if isinstance(error, BlankError) or not answer_lines:
        return None
    try:
        learner = _learner_file(kata_path, kata_path.stat().st_mtime_ns)
    except OSError:
        return None
    frames = _kata_frames(traceback, str(kata_path))
    if learner is None or not frames:
        return None
    try:
        found = _Diagnosis(error, learner, frames, answer_lines).run()
    except Exception:  # a kata's odd objects must not break the report: pytest's stands
        return None
    if found is None:
        return None
    answer_line, reason, other = found
    why = say("because", reason=reason) if reason else ""
    text = say("wrong", line=answer_line, path=display, why=why)
    shown = excerpt(kata_path, answer_line)
    if shown:
        text += "\n" + shown
    if other is not None and other[1] != answer_line:
        more = excerpt(kata_path, other[1], context=0)
        if more:
            text += f"\n{say(other[0], line=other[1])}\n{more}"
    return Explanation(say("summary", line=answer_line, why=why), text)


def _kata_frames(traceback: TracebackType | None, filename: str) -> list[_Frame]:
    frames: list[_Frame] = []
    while traceback is not None:
        following = traceback.tb_next
        if traceback.tb_frame.f_code.co_filename == filename:
            exiting = following is not None and following.tb_frame.f_code.co_name == "__exit__"
            frames.append(
                _Frame(traceback.tb_lineno, traceback.tb_frame, following is not None, exiting)
            )
        traceback = following
    return frames


Found = tuple[int, str, tuple[str, int] | None]
"""The answer's line, the reason (may be empty), and another line worth showing."""


class _Diagnosis:
    def __init__(
        self,
        error: BaseException,
        learner: _Learner,
        frames: list[_Frame],
        answers: frozenset[int],
    ) -> None:
        self.error = error
        self.learner = learner
        self.frames = frames
        self.answers = answers
        self.last = frames[-1]

    def run(self) -> Found | None:
        last = self.last
        first, end = self.learner.sites.statement_of(last.line)
        if last.exiting:
            raising = self._raises_around(last.line, header=True)
            if raising is not None:
                line = self._answer_line_in(raising)
                if isinstance(self.error, pytest.fail.Exception):
                    return line, say("did-not-raise"), None
                return line, "", None  # a `match=` that did not match: its message shows it
        statement = self._statement(first, end)
        carried = self._carried(statement, first) if isinstance(statement, ast.Assert) else {}
        on_answer = self._lines_between(first, end)
        if on_answer or carried:
            line = on_answer[0] if on_answer else min(carried.values())
            checked = None if on_answer else ("checked-on", last.line)
            if isinstance(self.error, NameError) and not last.deeper:
                name = getattr(self.error, "name", None)
                if isinstance(name, str) and name in self._answer_names(first, end):
                    return line, say("undefined", name=name), None
            if isinstance(self.error, AssertionError) and isinstance(statement, ast.Assert):
                if not last.deeper:
                    found = _Assertion(statement, last.frame, self.answers, carried).explain()
                    if found is not None:
                        return found[0], found[1], checked
                    return line, "", checked
            elif not last.deeper:
                return line, say("raised", kind=type(self.error).__name__), checked
        for frame in reversed(self.frames):
            raising = self._raises_around(frame.line, header=False)
            if raising is not None:
                line = self._answer_line_in(raising)
                reason = say("other-exception", line=last.line)
                return line, reason, ("raised-on", last.line)
        return None

    def _lines_between(self, first: int, end: int) -> list[int]:
        return sorted(line for line in self.answers if first <= line <= end)

    def _statement(self, first: int, end: int) -> ast.stmt | None:
        """The simple statement (or compound statement's header) of lines first to end."""
        found: list[ast.stmt] = [
            node
            for node in ast.walk(self.learner.tree)
            if isinstance(node, ast.stmt) and first <= node.lineno <= end
        ]
        asserts = [node for node in found if isinstance(node, ast.Assert)]
        return (asserts or found or [None])[0]

    def _answer_names(self, first: int, end: int) -> set[str]:
        return {
            node.id
            for node in ast.walk(self.learner.tree)
            if isinstance(node, ast.Name) and node.lineno in self.answers and first <= node.lineno
            if (node.end_lineno or node.lineno) <= end
        }

    def _carried(self, statement: ast.Assert, first: int) -> dict[str, int]:
        """Names that carry an answer into this assert (`expected = __ if … else __`): each
        name's answer line, from its last plain assignment before the assert in its function."""
        scope = _innermost_function(self.learner.tree, first) or self.learner.tree
        carriers: dict[str, tuple[int, int]] = {}
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            if not isinstance(target, ast.Name) or node.lineno >= first:
                continue
            lines = [line for line in _span(value) if line in self.answers]
            if lines and node.lineno >= carriers.get(target.id, (0, 0))[0]:
                carriers[target.id] = (node.lineno, lines[0])
        used = {
            node.id
            for node in ast.walk(statement.test)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
        }
        return {name: line for name, (_, line) in carriers.items() if name in used}

    def _raises_around(self, line: int, *, header: bool) -> ast.With | ast.AsyncWith | None:
        """The innermost `with pytest.raises(<answer>)` whose header (with `header`, where
        pytest's DID NOT RAISE points on every Python) else body holds `line`."""
        best: ast.With | ast.AsyncWith | None = None
        for node in ast.walk(self.learner.tree):
            if not isinstance(node, ast.With | ast.AsyncWith) or not self._raises_answer(node):
                continue
            first, end = self.learner.sites.statement_of(node.lineno)
            inside = first <= line <= end if header else end < line <= _last_line(node)
            if inside and (best is None or node.lineno > best.lineno):
                best = node
        return best

    def _raises_answer(self, node: ast.With | ast.AsyncWith) -> bool:
        return any(
            _is_raises(item.context_expr)
            and any(line in self.answers for line in _span(item.context_expr))
            for item in node.items
        )

    def _answer_line_in(self, node: ast.With | ast.AsyncWith) -> int:
        lines = [
            line
            for item in node.items
            if _is_raises(item.context_expr)
            for line in _span(item.context_expr)
            if line in self.answers
        ]
        return min(lines)


def _last_line(node: ast.AST) -> int:
    return _span(node)[-1]


def _innermost_function(tree: ast.Module, line: int) -> ast.AST | None:
    spans = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.lineno <= line <= _last_line(node)
    ]
    return max(spans, key=lambda node: node.lineno) if spans else None


def _is_raises(node: ast.expr) -> bool:
    if not isinstance(node, ast.Call):
        return False
    function = node.func
    return (isinstance(function, ast.Attribute) and function.attr == "raises") or (
        isinstance(function, ast.Name) and function.id == "raises"
    )


def _location(node: ast.AST) -> Location | None:
    """Where an expression stands: first line, column, last line, end column."""
    where: list[object] = [
        getattr(node, name, None)
        for name in ("lineno", "col_offset", "end_lineno", "end_col_offset")
    ]
    numbers = [each for each in where if isinstance(each, int)]
    if len(numbers) != 4:
        return None
    return numbers[0], numbers[1], numbers[2], numbers[3]


def _temporaries(statement: ast.Assert) -> dict[Location, str]:
    """Where pytest's assertion rewriting keeps the value of each part of the assert: the
    location of the part → the name of its temporary. The statement is rewritten again by the
    same rewriter, which numbers temporaries afresh for every assert, so the names are the ones
    the running code used; a location given more than one temporary is left out."""
    module = ast.Module(body=[copy.deepcopy(statement)], type_ignores=[])
    try:
        from _pytest.assertion.rewrite import rewrite_asserts

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rewrite_asserts(module, b"", None, None)
    except Exception:  # a private API: without it, the values are read the safe way
        return {}
    names: dict[Location, set[str]] = {}
    for node in ast.walk(module):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target = node.targets[0]
        if isinstance(target, ast.Name) and target.id.startswith("@py_assert"):
            where = _location(node.value)
            if where is not None and not isinstance(node.value, ast.Name):
                names.setdefault(where, set()).add(target.id)
    return {where: next(iter(ids)) for where, ids in names.items() if len(ids) == 1}


class _Assertion:
    """A failed `assert` holding an answer: which comparison failed, and what can be said."""

    def __init__(
        self,
        statement: ast.Assert,
        frame: FrameType,
        answers: frozenset[int],
        carried: dict[str, int],
    ) -> None:
        self.statement = statement
        self.frame = frame
        self.answers = answers
        self.carried = carried
        self.temporaries = _temporaries(statement)
        self.locals: Mapping[str, object] = frame.f_locals

    def explain(self) -> tuple[int, str] | None:
        test = self.statement.test
        for node in self._candidates(test):
            if isinstance(node, ast.Compare):
                found = self._compare(node, top=node is test)
            else:
                found = self._isinstance(node, top=node is test)
            if found is not None:
                return found
        return None

    def _candidates(self, test: ast.expr) -> Iterator[ast.Compare | ast.Call]:
        for node in ast.walk(test):
            if isinstance(node, ast.Compare) and len(node.ops) == 1:
                if self._answer_of(node.left) or self._answer_of(node.comparators[0]):
                    yield node
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "isinstance"
                and len(node.args) == 2
                and not node.keywords
                and self._answer_of(node.args[1])
            ):
                yield node

    def _answer_of(self, node: ast.expr) -> int | None:
        """The first answer line in `node`, or the line of an answer it carries by name."""
        lines = [line for line in _span(node) if line in self.answers]
        carried = [
            self.carried[each.id]
            for each in ast.walk(node)
            if isinstance(each, ast.Name) and each.id in self.carried
        ]
        return min(lines + carried) if lines or carried else None

    def _failed(self, node: ast.expr) -> bool:
        """Whether this part of the assert ran, in this failure, and came out False."""
        where = _location(node)
        temporary = self.temporaries.get(where) if where is not None else None
        return temporary is not None and self._temporary(temporary) is False

    def _temporary(self, name: str) -> object:
        try:
            return self.locals.get(name, _MISSING)
        except Exception:
            return _MISSING

    def _compare(self, node: ast.Compare, *, top: bool) -> tuple[int, str] | None:
        ran = self._failed(node)
        if not ran and not top:
            return None
        left, right = node.left, node.comparators[0]
        answer_is_left = self._answer_is_left(left, right)
        answer, other = (left, right) if answer_is_left else (right, left)
        line = self._answer_of(answer) or self._answer_of(other)
        assert line is not None  # a candidate holds an answer
        answer_value = self._value(answer, ran=ran, learner=True)
        other_value = self._value(other, ran=ran, learner=False)
        return line, _compare_hint(node.ops[0], answer_value, other_value, answer_is_left)

    def _isinstance(self, node: ast.Call, *, top: bool) -> tuple[int, str] | None:
        ran = self._failed(node)
        if not ran and not top:
            return None
        line = self._answer_of(node.args[1])
        assert line is not None
        answer = self._value(node.args[1], ran=ran, learner=True)
        if isinstance(answer, type) or (
            type(answer) is tuple and answer and all(isinstance(each, type) for each in answer)
        ):
            return line, say("not-instance")
        return line, ""

    def _answer_is_left(self, left: ast.expr, right: ast.expr) -> bool:
        left_line, right_line = self._answer_of(left), self._answer_of(right)
        if left_line is None or right_line is None:
            return right_line is None
        # both on an answer line (`assert x == 3` on one line): the learner writes literals,
        # the kata computes with calls, and katas put the answer on the right
        if _literal(left) is not _MISSING and _literal(right) is _MISSING:
            return True
        if _has_call(left) and not _has_call(right):
            return False
        return _has_call(right) and not _has_call(left)

    def _value(self, node: ast.expr, *, ran: bool, learner: bool) -> object:
        if isinstance(node, ast.Name):
            return _lookup(node.id, self.frame)
        if ran:
            where = _location(node)
            temporary = self.temporaries.get(where) if where is not None else None
            if temporary is not None:
                value = self._temporary(temporary)
                if value is not _MISSING:
                    return value
        if learner:
            value = _literal(node)
            if value is not _MISSING:
                return value
        return _safe_value(node, self.frame, displays=learner)


def _has_call(node: ast.expr) -> bool:
    return any(isinstance(each, ast.Call) for each in ast.walk(node))


def _literal(node: ast.expr) -> object:
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _MISSING


def _lookup(name: str, frame: FrameType) -> object:
    for scope in (frame.f_locals, frame.f_globals, frame.f_builtins):
        try:
            if name in scope:
                return scope[name]
        except Exception:
            return _MISSING
    return _MISSING


def _safe_value(node: ast.expr, frame: FrameType, *, displays: bool) -> object:
    """The value of an expression that cannot run code: a constant, a name, an attribute stored
    in a module's or a class's namespace (or a C slot), a constant subscript of a built-in
    container; with `displays`, also tuples, lists, sets and dicts of those and the version shape
    `A if sys.version_info >= (3, X) else B`. Anything else is _MISSING: a call is never made."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return _lookup(node.id, frame)
    if isinstance(node, ast.Attribute):
        base = _safe_value(node.value, frame, displays=False)
        return _MISSING if base is _MISSING else _static_attribute(base, node.attr)
    if isinstance(node, ast.Subscript):
        base = _safe_value(node.value, frame, displays=False)
        index = node.slice
        if type(base) not in _SUBSCRIPTABLE or not isinstance(index, ast.Constant):
            return _MISSING
        key = index.value
        if not isinstance(key, int | str | bytes) or (
            type(base) is not dict and type(key) is not int
        ):
            return _MISSING
        try:
            return base[key]  # type: ignore[index]
        except (LookupError, TypeError):
            return _MISSING
    if not displays:
        return _MISSING
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        items = [_safe_value(each, frame, displays=True) for each in node.elts]
        if any(item is _MISSING for item in items):
            return _MISSING
        made = {ast.Tuple: tuple, ast.List: list, ast.Set: set}[type(node)]
        try:
            return made(items)
        except TypeError:
            return _MISSING
    if isinstance(node, ast.IfExp):
        chosen = _version_test(node.test)
        if chosen is None:
            return _MISSING
        return _safe_value(node.body if chosen else node.orelse, frame, displays=True)
    return _MISSING


def _version_test(node: ast.expr) -> bool | None:
    """The outcome of `sys.version_info <op> (3, X)`, the one test katas write."""
    import sys

    if not (
        isinstance(node, ast.Compare)
        and len(node.ops) == 1
        and isinstance(node.left, ast.Attribute)
        and node.left.attr == "version_info"
        and isinstance(node.left.value, ast.Name)
        and node.left.value.id == "sys"
    ):
        return None
    bound = _literal(node.comparators[0])
    if type(bound) is not tuple or not all(type(each) is int for each in bound):
        return None
    version = tuple(sys.version_info)
    outcomes = {
        ast.GtE: version >= bound,
        ast.Gt: version > bound,
        ast.Lt: version < bound,
        ast.LtE: version <= bound,
    }
    return outcomes.get(type(node.ops[0]))


def _static_attribute(base: object, name: str) -> object:
    """An attribute read without running Python code: getattr_static, then only C slots and
    plain stored values; a property or any other Python descriptor is _MISSING."""
    try:
        found = inspect.getattr_static(base, name)
    except AttributeError:
        return _MISSING
    if isinstance(found, types.GetSetDescriptorType | types.MemberDescriptorType):
        try:
            return getattr(base, name)
        except Exception:
            return _MISSING
    if not hasattr(type(found), "__get__"):
        return found
    if isinstance(base, type | types.ModuleType) and isinstance(
        found, type | types.FunctionType | types.BuiltinFunctionType
    ):
        return found
    return _MISSING


def _kind(value: object) -> str:
    name = type(value).__name__
    return say("kind-an" if name[:1].lower() in "aeiou" else "kind-a", kind=name)


def _count(value: object) -> str:
    count = len(value)  # type: ignore[arg-type]  # only built-in sized types come here
    unit = "characters" if isinstance(value, str) else "items"
    if isinstance(value, bytes | bytearray):
        unit = "bytes"
    return say(unit, count=count)


def _compare_hint(op: ast.cmpop, answer: object, value: object, answer_is_left: bool) -> str:
    """What can be said of a failed `answer <op> value` without showing `value`: only kinds
    and lengths. A failed `!=`, `is not` or `not in` says they are alike: nothing to add."""
    if answer is _MISSING or value is _MISSING:
        return ""
    if isinstance(op, ast.In):
        if answer_is_left:
            return _membership_hint(answer, value)
        return _container_hint(answer, value)
    if not isinstance(op, ast.Eq | ast.Is | ast.Lt | ast.LtE | ast.Gt | ast.GtE):
        return ""
    if type(answer) is not type(value):
        if type(value) in _SINGLETONS:  # "the value is a NoneType" would be the answer itself
            return ""
        return say("kinds", answer=_kind(answer), value=_kind(value))
    if (
        isinstance(op, ast.Eq | ast.Is) and type(answer) in _SIZED and len(answer) != len(value)  # type: ignore[arg-type]
    ):
        if not len(value):  # type: ignore[arg-type]  # "the value has 0 items" would be the answer
            return say("length-not", answer=_count(answer))
        return say("lengths", answer=_count(answer), value=_count(value))
    return ""


def _item_kind(container: object) -> type | None:
    """The one type of all the items of a built-in collection, if they share one."""
    if type(container) not in _COLLECTIONS or not container:
        return None
    kinds = {type(item) for item in container}  # type: ignore[attr-defined]
    return kinds.pop() if len(kinds) == 1 else None


def _membership_hint(answer: object, container: object) -> str:
    if type(container) in (str, bytes) and type(answer) is not type(container):
        return say("kinds", answer=_kind(answer), value=_kind(container))
    kind = _item_kind(container)
    if kind is not None and type(answer) is not kind:
        return say("value-holds", answer=_kind(answer), value=kind.__name__)
    return ""


def _container_hint(container: object, element: object) -> str:
    if type(container) in (str, bytes) and type(element) is not type(container):
        return say("kinds", answer=_kind(container), value=_kind(element))
    kind = _item_kind(container)
    if kind is not None and type(element) is not kind:
        return say("answer-holds", answer=kind.__name__, value=_kind(element))
    return ""
