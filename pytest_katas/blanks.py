"""The blank `__` that katas ship with, and how a failure caused by one is recognised.

A kata is a test module with blanks in it. A *predict* blank stands where an expression goes
(`assert next(gen) == __`); a *build* blank is a function whose whole body is the statement `__`,
for the learner to write. The blank refuses to be compared, tested for truth, iterated or used in
any other way, so that a step fails on the line where the blank is used, and `diagnose` turns that
failure into the instruction a learner needs: which line to fill in, or which function to write.
"""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import TracebackType
from typing import NoReturn

from pytest_katas.catalog import read_source
from pytest_katas.i18n import N_, Messages

BLANK_NAME = "__"

say = Messages(
    {
        "waiting": N_("this blank (__) is waiting for your answer"),
        "fill-blank": N_("fill in the blank on line {line}"),
        "write-body": N_("write the body of {function}() on line {line}"),
    }
)


class BlankError(Exception):
    """Raised when a kata uses a blank that the learner has not filled in yet."""


class _Blank:
    """The placeholder for an answer: any use of it raises `BlankError`."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise BlankError(say("waiting"))

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __bool__ = __len__ = __iter__ = __contains__ = __call__ = __getitem__ = _refuse
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __truediv__ = __rtruediv__ = __floordiv__ = __mod__ = __neg__ = _refuse
    __index__ = __int__ = __float__ = __str__ = __format__ = __fspath__ = _refuse
    __enter__ = __exit__ = __await__ = __next__ = _refuse

    def __hash__(self) -> int:
        raise BlankError(say("waiting"))

    def __getattr__(self, name: str) -> NoReturn:
        raise BlankError(say("waiting"))

    def __repr__(self) -> str:
        return "__"


__ = _Blank()


@dataclass(frozen=True)
class BuildBlank:
    """A function whose body the learner still has to write."""

    name: str
    line: int


@dataclass(frozen=True)
class BlankSites:
    """Where a kata's blanks stand, read from its source. The tokens tell the predict blanks and
    the statements; the syntax tree, parsed only when asked, tells the functions."""

    source: str
    lines: tuple[int, ...]
    """Lines holding a predict blank `__`, in order (blank statements and imports aside)."""
    statements: dict[int, tuple[int, int]]
    """For each line, the first and last line of the logical line (statement) it belongs to."""

    def statement_of(self, line: int) -> tuple[int, int]:
        return self.statements.get(line, (line, line))

    def blanks_between(self, first: int, last: int) -> list[int]:
        return [line for line in self.lines if first <= line <= last]

    @cached_property
    def _tree(self) -> tuple[tuple[tuple[str, int, int], ...], tuple[BuildBlank, ...]]:
        try:
            tree = ast.parse(self.source)
        except SyntaxError:
            return (), ()
        functions = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        spans = tuple(
            (node.name, node.lineno, node.end_lineno or node.lineno) for node in functions
        )
        builds = sorted(
            (BuildBlank(node.name, node.lineno) for node in functions if is_build_blank(node)),
            key=lambda blank: blank.line,
        )
        return spans, tuple(builds)

    @property
    def functions(self) -> tuple[tuple[str, int, int], ...]:
        """Every function: its name, first line and last line."""
        return self._tree[0]

    @property
    def build_blanks(self) -> tuple[BuildBlank, ...]:
        """The functions whose body is still the blank, in order."""
        return self._tree[1]

    def function_around(self, line: int) -> tuple[int, int] | None:
        spans = [(first, last) for _, first, last in self.functions if first <= line <= last]
        return min(spans, key=lambda span: span[1] - span[0]) if spans else None

    def function_named(self, name: str) -> tuple[int, int] | None:
        for function, first, last in self.functions:
            if function == name:
                return first, last
        return None


def is_build_blank(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether a function's body, after an optional docstring, is the single statement `__`."""
    body = function.body
    if body and ast.get_docstring(function) is not None:
        body = body[1:]
    return (
        len(body) == 1
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Name)
        and body[0].value.id == BLANK_NAME
    )


def find_blank_sites(source: str) -> BlankSites:
    """Locate the blanks of a kata's source from its tokens."""
    lines: list[int] = []
    statements: dict[int, tuple[int, int]] = {}
    first_of_statement: int | None = None
    statement: list[tuple[str, int]] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in (tokenize.COMMENT, tokenize.NL, tokenize.INDENT, tokenize.DEDENT):
                continue
            if first_of_statement is None:
                first_of_statement, statement = token.start[0], []
            if token.type not in (tokenize.NEWLINE, tokenize.ENDMARKER):
                statement.append((token.string, token.start[0]))
                continue
            for line in range(first_of_statement, token.end[0] + 1):
                statements[line] = (first_of_statement, token.end[0])
            words = [word for word, _ in statement]
            # a statement that is only `__` is a build blank, and an import holds no blank
            if words and words != [BLANK_NAME] and words[0] not in ("import", "from"):
                lines += [line for word, line in statement if word == BLANK_NAME]
            first_of_statement = None
    except (tokenize.TokenError, SyntaxError):
        pass
    return BlankSites(source, tuple(sorted(set(lines))), statements)


@lru_cache(maxsize=512)
def _sites_of_file(path: Path, mtime_ns: int) -> BlankSites:
    return find_blank_sites(read_source(path))


def blank_sites(path: Path) -> BlankSites:
    """The blank sites of a kata file, read once per version of the file."""
    return _sites_of_file(path, path.stat().st_mtime_ns)


@dataclass(frozen=True)
class BlankFailure:
    """A failing step that fails because a blank is still empty."""

    line: int
    function: str | None
    """The build function still to write, or None for a predict blank."""

    def instruction(self) -> str:
        if self.function is not None:
            return say("write-body", function=self.function, line=self.line)
        return say("fill-blank", line=self.line)


def blank_failure(
    error: BaseException,
    traceback: TracebackType | None,
    kata_path: Path,
    step_name: str,
) -> BlankFailure | None:
    """Whether a step of `kata_path` failed because of a blank, and which one to fill first."""
    try:
        sites = blank_sites(kata_path)
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError):
        return None
    filename = str(kata_path)
    failing_lines = [line for path, line in _frames(traceback) if path == filename]
    if failing_lines:
        first, last = sites.statement_of(failing_lines[-1])
        on_the_failing_statement = sites.blanks_between(first, last)
        if on_the_failing_statement:
            return BlankFailure(on_the_failing_statement[0], None)
    if isinstance(error, BlankError):
        span = sites.function_around(failing_lines[-1]) if failing_lines else None
        span = span or sites.function_named(step_name)
        candidates = sites.blanks_between(*span) if span else []
        candidates = candidates or list(sites.lines)
        if candidates:
            return BlankFailure(candidates[0], None)
    if sites.build_blanks:
        build = sites.build_blanks[0]
        return BlankFailure(build.line, build.name)
    return None


def _frames(traceback: TracebackType | None) -> list[tuple[str, int]]:
    frames: list[tuple[str, int]] = []
    while traceback is not None:
        frames.append((traceback.tb_frame.f_code.co_filename, traceback.tb_lineno))
        traceback = traceback.tb_next
    return frames
