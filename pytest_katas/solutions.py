"""Solutions stay out of sight until their kata passes; then `pytest --solution` shows them.

In a learner's run nothing under solutions/ is collected (see `learner.LearnerRun`), and
`SolutionGuard` refuses to import a solution module whose kata has not passed yet.

`pytest --solution` compares meaning, not text: blank by blank (and build function by build
function) of the kata as shipped, the learner's answer beside the reference's, both unparsed from
their syntax trees, so re-wrapped lines and comments (`# noqa`) are no difference. `--full`, a kata
the record of shipped katas does not know, or a learner's file that no longer has the kata's shape
gets the unified diff of the two files instead.
"""

from __future__ import annotations

import ast
import difflib
import importlib.abc
import importlib.machinery
import io
import itertools
import sys
import tokenize
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from _pytest._io import TerminalWriter

from pytest_katas import __version__
from pytest_katas.catalog import Catalog, Kata, read_source
from pytest_katas.i18n import N_, Messages, N_plural, current_language
from pytest_katas.layout import Layout
from pytest_katas.progress import Progress
from pytest_katas.screen import paragraph, width
from pytest_katas.shipped import Site, pair_sites, shipped_source

say = Messages(
    {
        "hidden": N_("{module} is a solution module, and solutions stay hidden in a learner's run"),
        "locked-import": N_(
            "{module} is the solution to {path} and stays hidden until that kata passes: "
            "solve {title} to unlock it"
        ),
        "locked": N_(
            "The solution to {path} ({title}) is locked: it unlocks when the kata passes. "
            "Run {pytest} {path}, or {pytest} --hint {path} for a hint."
        ),
        "unreadable": N_("{path} cannot be read as Python source ({error}); save it as UTF-8"),
        "missing": N_("{path} is missing from this copy of the repository; restore it with git"),
        "not-installed": N_(
            "the installed pytest-katas has no reference solution for {path}: if you "
            "upgraded it, run {pytest_katas} update here to bring your katas up to date"
        ),
        "heading": N_("{title}: your {path} against the reference solution"),
        "yours": N_("yours"),
        "reference": N_("reference"),
        "installed-reference": N_("the reference solution (in pytest-katas {version})"),
        "same": N_("Your file matches the reference solution line for line."),
        "legend": N_("Lines with - are yours, lines with + the reference's."),
        "answers-heading": N_("{title}: your answers in {path} beside the reference's"),
        "as-code": N_("Compared as code: layout and comments make no difference."),
        "blank-in": N_("line {line}, {step}"),
        "blank-at": N_("line {line}"),
        "function-at": N_("{name}(), line {line}"),
        "verdict": N_("{where}: {verdict}"),
        "same-answer": N_("same"),
        "different-answer": N_("different"),
        "label": N_("{label}:"),
        "both": N_("both"),
        "summary": N_plural(
            "{same} of 1 answer is the same as the reference.",
            "{same} of {count} answers are the same as the reference.",
        ),
        "whole-file": N_("Whole reference file, as a diff: {pytest} --solution {path} --full"),
        "no-shape": N_(
            "Your file no longer has the kata's shape around its blanks, so here is the whole diff."
        ),
    }
)

WIDTH = 80
"""The columns `--solution` lays its answers out for (a long answer is wrapped, never cut)."""


class SolutionGuard(importlib.abc.MetaPathFinder):
    """Refuses `import solutions.…` for a kata that has not passed yet, naming that kata."""

    def __init__(self, layout: Layout, catalog: Catalog, is_unlocked: Callable[[Kata], bool]):
        self.layout = layout
        self.catalog = catalog
        self.is_unlocked = is_unlocked

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        top, *rest = fullname.split(".")
        if top != self.layout.solutions_dir.name or not rest:
            return None
        module = self.layout.solutions_dir.joinpath(*rest).with_suffix(".py")
        if not module.is_file():
            return None
        kata = self.catalog.kata_at(self.layout.kata_of(module))
        if kata is not None and self.is_unlocked(kata):
            return None
        if kata is None:
            message = say("hidden", module=fullname)
        else:
            title = kata.title_in(current_language())
            message = say("locked-import", module=fullname, path=kata.display, title=title)
        raise ImportError(message, name=fullname)

    def install(self) -> None:
        sys.meta_path.insert(0, self)

    def uninstall(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


def show_solution(
    kata: Kata,
    layout: Layout,
    progress: Progress,
    writer: TerminalWriter,
    typed: str,
    *,
    full: bool = False,
) -> pytest.ExitCode:
    """Show the learner's answers beside the reference solution's, blank by blank (see
    `compare_answers`); refuse while locked (exit 1). `full`, or a kata the record of shipped
    katas does not know, or a learner's file whose shape no longer pairs with the kata's: the
    unified diff of the two files instead. `typed`: the kata's path as the learner types it where
    pytest was started. Raises pytest.UsageError when either file cannot be read."""
    title = kata.title_in(current_language())
    if not progress.status(kata).unlocked:
        paragraph(writer, say("locked", path=typed, title=title), red=True)
        return pytest.ExitCode.TESTS_FAILED
    solution = layout.solution_of(kata.path)
    reference = layout.reference_of(kata)
    if reference is None and layout.solutions_dir.is_dir():
        raise pytest.UsageError(say("missing", path=layout.display(solution)))
    if reference is None:
        raise pytest.UsageError(say("not-installed", path=typed))
    try:
        yours = read_source(kata.path)
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError) as error:
        raise pytest.UsageError(say("unreadable", path=kata.display, error=error)) from None
    shipped = None if full else shipped_source(kata)
    note = None
    if shipped is not None:
        comparisons = compare_answers(shipped, yours, reference)
        if comparisons is not None:
            show_comparisons(comparisons, writer, title=title, path=kata.display, typed=typed)
            return pytest.ExitCode.OK
        note = say("no-shape")
    paragraph(writer, say("heading", title=title, path=kata.display), bold=True)
    if note is not None:
        paragraph(writer, note, yellow=True)
    _show_diff(yours, reference, writer, f"{kata.display} ({say('yours')})", solution, layout)
    return pytest.ExitCode.OK


def _show_diff(
    yours: str,
    reference: str,
    writer: TerminalWriter,
    yours_name: str,
    solution: Path,
    layout: Layout,
) -> None:
    diff = list(
        difflib.unified_diff(
            yours.splitlines(keepends=True),
            reference.splitlines(keepends=True),
            fromfile=yours_name,
            tofile=(
                f"{layout.display(solution)} ({say('reference')})"
                if layout.solutions_dir.is_dir()
                else say("installed-reference", version=__version__)
            ),
        )
    )
    if not diff:
        paragraph(writer, say("same"), green=True)
        return
    for line in diff:
        text = line.rstrip("\n")
        if line.startswith(("+++", "---")):
            writer.line(text, bold=True)
        elif line.startswith("@@"):
            writer.line(text, cyan=True)
        elif line.startswith("+"):
            writer.line(text, green=True)
        elif line.startswith("-"):
            writer.line(text, red=True)
        else:
            writer.line(text)
    writer.line()
    paragraph(writer, say("legend"))


# --- the answers, blank by blank -----------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """One blank of the kata as shipped, with the learner's answer and the reference's."""

    line: int
    """Where the answer is in the learner's file (a build blank: its `def` line)."""
    step: str | None
    """The step (top-level function) the blank is in; None at module level."""
    function: str | None
    """A build blank: the function's name; None for a predict blank."""
    yours: str
    reference: str
    """Both unparsed (`ast.unparse`): an expression, or a function's body without its docstring."""
    same: bool
    """Whether both have the same syntax tree (`ast.dump`)."""


def compare_answers(shipped: str, learner: str, solution: str) -> list[Comparison] | None:
    """Each blank of the kata as `shipped` (predict blanks, and functions whose body is the
    blank), in the kata's order, with what `learner` and `solution` have there. None when a
    source does not parse, the kata has no blank, or the learner's file or the solution no
    longer pairs with the kata at one of its blanks."""
    try:
        kata, mine, theirs = (ast.parse(source) for source in (shipped, learner, solution))
        sites = [site for site, _ in pair_sites(kata, kata)]  # every blank, paired with itself
        yours = {id(site): node for site, node in pair_sites(kata, mine)}
        reference = {id(site): node for site, node in pair_sites(kata, theirs)}
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if not sites or any(id(site) not in yours or id(site) not in reference for site in sites):
        return None
    steps = [node for node in kata.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    comparisons = []
    for site in sites:
        mine_node, their_node = yours[id(site)], reference[id(site)]
        step = next(
            (node.name for node in steps if node.lineno <= site.lineno <= (node.end_lineno or 0)),
            None,
        )
        mine_code, their_code = _answer(mine_node), _answer(their_node)
        comparisons.append(
            Comparison(
                line=mine_node.lineno,
                step=step,
                function=None if isinstance(site, ast.expr) else site.name,
                yours=ast.unparse(mine_code),
                reference=ast.unparse(their_code),
                same=ast.dump(mine_code) == ast.dump(their_code),
            )
        )
    return comparisons


def _answer(node: Site) -> ast.AST:
    """What was written at a blank: the expression, or the function's body after its docstring."""
    if isinstance(node, ast.expr):
        return node
    body = node.body[1:] if ast.get_docstring(node, clean=False) is not None else node.body
    return ast.Module(body=body, type_ignores=[])


def show_comparisons(
    comparisons: list[Comparison], writer: TerminalWriter, *, title: str, path: str, typed: str
) -> None:
    """Print each comparison (`compare_answers`), then how many are the same and how to see the
    whole reference file. `path`: the kata as shown; `typed`: as the learner types it."""
    paragraph(writer, say("answers-heading", title=title, path=path), bold=True)
    paragraph(writer, say("as-code"))
    yours_label = say("label", label=say("yours"))
    reference_label = say("label", label=say("reference"))
    both_label = say("label", label=say("both"))
    room = max(width(label) for label in (yours_label, reference_label, both_label)) + 1
    for comparison in comparisons:
        writer.line()
        if comparison.function is not None:
            where = say("function-at", name=comparison.function, line=comparison.line)
        elif comparison.step is not None:
            where = say("blank-in", line=comparison.line, step=comparison.step)
        else:
            where = say("blank-at", line=comparison.line)
        verdict = say("same-answer" if comparison.same else "different-answer")
        paragraph(
            writer,
            say("verdict", where=where, verdict=verdict),
            green=comparison.same,
            yellow=not comparison.same,
        )
        shown: list[tuple[str, str, dict[str, bool]]] = [(both_label, comparison.yours, {})]
        if not comparison.same:
            shown = [
                (yours_label, comparison.yours, {"red": True}),
                (reference_label, comparison.reference, {"green": True}),
            ]
        for label, code, colour in shown:
            if comparison.function is not None:  # a body: its statements under the label
                writer.line(f"  {label}")
                lines = _code_lines(code, first="    ", rest="    ", hang="    ")
            else:
                first = f"  {label}" + " " * (room - width(label))
                lines = _code_lines(code, first=first, rest=" " * width(first), hang="")
            for line in lines:
                writer.line(line, **colour)
    same = sum(comparison.same for comparison in comparisons)
    count = len(comparisons)
    writer.line()
    summary = say("summary", same=same, count=count)
    paragraph(writer, summary, green=same == count, yellow=same != count)
    paragraph(writer, say("whole-file", path=typed))


def _code_lines(code: str, *, first: str, rest: str, hang: str) -> list[str]:
    """Unparsed `code` as display lines: its first line after `first`, the others after `rest`;
    a line too long for `WIDTH` is broken at a space between two tokens (never inside a string),
    its continuation indented by its own indentation plus `hang`. Nothing is cut: a piece with
    no such space stays whole, however long."""
    breaks = _token_breaks(code)
    lines: list[str] = []
    for number, text in enumerate(code.splitlines() or [""], start=1):
        lead = first if number == 1 else rest
        indent = rest + text[: len(text) - len(text.lstrip())] + hang
        cuts = [0, *breaks.get(number, []), len(text)]
        pieces = [text[start:end] for start, end in itertools.pairwise(cuts)]
        line = lead + pieces[0]
        for piece in pieces[1:]:
            if width((line + piece).rstrip()) > WIDTH:
                lines.append(line.rstrip())
                line = indent + piece
            else:
                line += piece
        lines.append(line)
    return lines


def _token_breaks(code: str) -> dict[int, list[int]]:
    """For each line of `code` (from 1), the columns of the tokens that follow a space on that
    line, outside any string: the only places `_code_lines` may break it."""
    breaks: dict[int, list[int]] = {}
    in_fstring = 0
    fstring_start = getattr(tokenize, "FSTRING_START", None)  # 3.12+ tokenizes inside f-strings
    fstring_end = getattr(tokenize, "FSTRING_END", None)
    previous = (0, 0)
    try:
        for token in tokenize.generate_tokens(io.StringIO(code + "\n").readline):
            row, column = token.start
            if (
                not in_fstring
                and row == previous[0]
                and column > previous[1]
                and token.type not in (tokenize.COMMENT, tokenize.NEWLINE, tokenize.NL)
            ):
                breaks.setdefault(row, []).append(column)
            if token.type == fstring_start:
                in_fstring += 1
            elif token.type == fstring_end:
                in_fstring -= 1
            previous = token.end
    except (tokenize.TokenError, SyntaxError):
        return {}
    return breaks
