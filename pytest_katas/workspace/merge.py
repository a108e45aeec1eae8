"""The three-way merge of a learner's kata with a new release's, for `pytest-katas update`.

A line merge (merge3) alone conflicts whenever both sides touched neighbouring lines: a learner
who answered the last line of a kata, and a release that appends a step after it. So when the
lines conflict, the files are merged again one top-level statement at a time (each step, each
function the learner writes, the module's docstring, its imports …, paired by name), and only
two different changes to the same statement conflict. A statement that conflicts is taken as
the release has it, and every other statement keeps the learner's answers.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass

import merge3

Chunk = tuple[str, str]
"""A top-level statement's key (`def test_x`, `class C`, `stmt 3`, `tail`) and its text, with
the comments and blank lines above it."""


@dataclass(frozen=True)
class Merged:
    """A merge's result: the text, and whether some of the learner's changes could not be kept
    (`conflicted`: those statements are the release's, as `text` has them)."""

    text: str
    conflicted: bool


def merge(base: str, theirs: str, new: str) -> Merged:
    """The merge of the learner's `theirs` and the release's `new`, both from `base` (the kata
    as the learner got it). Where both changed the same statement differently (or the same
    lines, in a file that does not parse), the release's wins and the result is `conflicted`."""
    merged = merge_lines(base, theirs, new)
    if merged is not None:
        return Merged(merged, conflicted=False)
    chunks = [chunks_of(text) for text in (base, theirs, new)]
    if any(chunk is None for chunk in chunks):
        return Merged(new, conflicted=True)
    base_chunks, their_chunks, new_chunks = (dict(chunk or []) for chunk in chunks)
    result: list[str] = []
    conflicted = False
    for key, text in _in_order(chunks[2] or [], chunks[1] or []):
        was, mine, now = base_chunks.get(key), their_chunks.get(key), new_chunks.get(key)
        if now is None:
            # dropped by the release (a conflict when the learner had changed it), or the
            # learner's own statement (kept)
            conflicted |= mine is not None and was is not None and mine != was
            if was is None and mine is not None:
                result.append(text)
            continue
        if mine is None:
            # removed by the learner: a conflict when the release changed it; new: taken
            conflicted |= was is not None and was != now
            result.append(now)
            continue
        one = merge_lines(was or "", mine, now)
        conflicted |= one is None
        result.append(now if one is None else one)
    return Merged("".join(result), conflicted)


def merge_lines(base: str, theirs: str, new: str) -> str | None:
    """merge3's line merge; None when it conflicts."""
    lines = merge3.Merge3(
        base.splitlines(keepends=True),
        theirs.splitlines(keepends=True),
        new.splitlines(keepends=True),
    )
    merged: list[str] = []
    for group in lines.merge_groups():
        if group[0] == "conflict":
            return None
        merged.extend(group[1])
    return "".join(merged)


def chunks_of(source: str) -> list[Chunk] | None:
    """`source` cut before each top-level statement (see `Chunk`), in order; joined, the chunks
    are `source` again. None when it does not parse, or two statements share a key (two
    definitions of one name: nothing to pair them by)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    lines = source.splitlines(keepends=True)
    chunks: list[Chunk] = []
    start = 0
    others = 0
    for statement in tree.body:
        end = statement.end_lineno or statement.lineno
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            kind = "class" if isinstance(statement, ast.ClassDef) else "def"
            key = f"{kind} {statement.name}"
        else:
            others += 1
            key = f"stmt {others}"
        chunks.append((key, "".join(lines[start:end])))
        start = end
    chunks.append(("tail", "".join(lines[start:])))
    keys = [key for key, _ in chunks]
    return chunks if len(set(keys)) == len(keys) else None


def _in_order(new: Sequence[Chunk], theirs: Sequence[Chunk]) -> list[Chunk]:
    """Every key of the release's chunks, in its order, with each chunk only the learner has put
    after the chunk it followed in the learner's file."""
    ordered = list(new)
    known = {key for key, _ in new}
    for index, (key, text) in enumerate(theirs):
        if key in known:
            continue
        before = theirs[index - 1][0] if index else None
        place = next((i + 1 for i, (k, _) in enumerate(ordered) if k == before), 0)
        ordered.insert(place, (key, text))
        known.add(key)
    return ordered
