"""Whether a solution is its kata with the blanks filled in and nothing else changed.

The two modules are compared as syntax trees, so comments and layout may differ, but nothing that
runs may: the lesson, the imports, the steps. Where the kata has a predict blank `__`, the solution
may have any expression; where it has a build blank (a statement `__`), one or more statements.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from pytest_katas.blanks import BLANK_NAME, find_blank_sites
from pytest_katas.i18n import N_, Messages

say = Messages(
    {
        "kata-unparsable": N_("the kata does not parse: {error} on line {line}"),
        "solution-unparsable": N_("the solution does not parse: {error} on line {line}"),
        "blank-left": N_("the solution still has a blank __ on line {line}"),
        "differ": N_("{kata}, but {solution}"),
        "missing": N_("{kata}, missing from {other}"),
        "added": N_("{solution}, which {other} does not have"),
        "nothing": N_("{side} has nothing there"),
        "line-is": N_("line {line} of {side} is `{text}`"),
        "kata": N_("the kata"),
        "shipped": N_("the kata as shipped"),
        "yours": N_("your file"),
        "solution": N_("the solution"),
    }
)


@dataclass(frozen=True)
class Drift:
    """The first place where a solution is not its kata with the blanks filled."""

    message: str


def find_drift(
    kata_source: str, solution_source: str, *, blanks_left: bool = False
) -> Drift | None:
    """The first place where `solution_source` is not `kata_source` with its blanks filled, or
    None. `blanks_left`: blanks may still be there (a learner's copy of the kata)."""
    try:
        kata_tree = ast.parse(kata_source)
    except SyntaxError as error:
        return Drift(say("kata-unparsable", error=error.msg, line=error.lineno))
    try:
        solution_tree = ast.parse(solution_source)
    except SyntaxError as error:
        return Drift(say("solution-unparsable", error=error.msg, line=error.lineno))
    if not blanks_left:
        left = find_blank_sites(solution_source)
        if left.lines or left.build_blanks:
            line = left.lines[0] if left.lines else left.build_blanks[0].line
            return Drift(say("blank-left", line=line))
    comparison = _Comparison(kata_source, solution_source)
    if blanks_left:
        comparison.sides = ("shipped", "yours")
    return comparison.nodes(kata_tree, solution_tree)


def _is_blank(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == BLANK_NAME


def _is_blank_statement(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and _is_blank(node.value)


class _Comparison:
    """Walks the two trees side by side, remembering the statements it is in, so that a
    difference deep inside an expression is reported as the two statements that differ."""

    def __init__(self, kata_source: str, solution_source: str) -> None:
        self.kata_source = kata_source
        self.solution_source = solution_source
        self.kata_at: ast.AST | None = None
        self.solution_at: ast.AST | None = None
        self.sides = ("kata", "solution")
        """How the two files are named in a message."""

    def drift(self, kata: object, solution: object) -> Drift:
        located = _has_line(kata) and _has_line(solution)
        kata_node = kata if located else self.kata_at
        solution_node = solution if located else self.solution_at
        kata_text = self.describe(kata_node, self.kata_source, self.sides[0])
        solution_text = self.describe(solution_node, self.solution_source, self.sides[1])
        return Drift(say("differ", kata=kata_text, solution=solution_text))

    def missing(self, kata: ast.AST) -> Drift:
        where = self.describe(kata, self.kata_source, self.sides[0])
        return Drift(say("missing", kata=where, other=say(self.sides[1])))

    def added(self, solution: ast.AST) -> Drift:
        where = self.describe(solution, self.solution_source, self.sides[1])
        return Drift(say("added", solution=where, other=say(self.sides[0])))

    @staticmethod
    def describe(node: object, source: str, side: str) -> str:
        if not isinstance(node, ast.AST) or not hasattr(node, "lineno"):
            return say("nothing", side=say(side))
        text = (ast.get_source_segment(source, node) or "").strip().splitlines()
        shown = text[0] if text else type(node).__name__
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return say("line-is", line=node.lineno, side=say(side), text=shown)

    def nodes(self, kata: ast.AST, solution: ast.AST) -> Drift | None:
        if _is_blank(kata) and isinstance(solution, ast.expr):
            return None
        outer = self.kata_at, self.solution_at
        if _has_line(kata):
            self.kata_at = kata
        if _has_line(solution):
            self.solution_at = solution
        try:
            return self.fields(kata, solution)
        finally:
            self.kata_at, self.solution_at = outer

    def fields(self, kata: ast.AST, solution: ast.AST) -> Drift | None:
        if type(kata) is not type(solution):
            return self.drift(kata, solution)
        for name in kata._fields:
            kata_value = getattr(kata, name, None)
            solution_value = getattr(solution, name, None)
            if isinstance(kata_value, list) and isinstance(solution_value, list):
                drift = self.lists(kata_value, solution_value)
            else:
                drift = self.item(kata_value, solution_value)
            if drift is not None:
                return drift
        return None

    def item(self, kata: object, solution: object) -> Drift | None:
        if isinstance(kata, ast.AST) and isinstance(solution, ast.AST):
            return self.nodes(kata, solution)
        if type(kata) is not type(solution) or kata != solution:
            return self.drift(kata, solution)
        return None

    def lists(self, kata: list[object], solution: list[object]) -> Drift | None:
        if any(isinstance(node, ast.AST) and _is_blank_statement(node) for node in kata):
            return self.statements_with_blanks(kata, solution)
        for kata_item, solution_item in zip(kata, solution, strict=False):
            drift = self.item(kata_item, solution_item)
            if drift is not None:
                return drift
        if len(kata) > len(solution) and hasattr(kata[len(solution)], "lineno"):
            return self.missing(kata[len(solution)])  # type: ignore[arg-type]
        if len(solution) > len(kata) and hasattr(solution[len(kata)], "lineno"):
            return self.added(solution[len(kata)])  # type: ignore[arg-type]
        if len(kata) != len(solution):
            return self.drift(None, None)
        return None

    def statements_with_blanks(self, kata: list[object], solution: list[object]) -> Drift | None:
        """Match a body with build blanks: each blank stands for one or more statements."""
        position = 0
        for index, statement in enumerate(kata):
            if not (isinstance(statement, ast.AST) and _is_blank_statement(statement)):
                if position >= len(solution):
                    return self.missing(statement) if isinstance(statement, ast.AST) else None
                drift = self.item(statement, solution[position])
                if drift is not None:
                    return drift
                position += 1
                continue
            if position >= len(solution):
                return self.missing(statement)
            following = kata[index + 1] if index + 1 < len(kata) else None
            if following is None:
                return None
            for candidate in range(position + 1, len(solution)):
                if self.item(following, solution[candidate]) is None:
                    position = candidate
                    break
            else:
                return self.missing(following) if isinstance(following, ast.AST) else None
        if position < len(solution) and isinstance(solution[position], ast.AST):
            return self.added(solution[position])  # type: ignore[arg-type]
        return None


def _has_line(node: object) -> bool:
    return isinstance(node, ast.stmt)
