"""The three-way merge of a learner's kata with a new release's, for `pytest-katas update`.

A line merge (merge3) alone conflicts whenever both sides touched neighbouring lines: a learner
who answered the last line of a kata, and a release that appends a step after it. So when the
lines conflict, the files are merged again one top-level statement at a time (each step, each
function the learner writes, the module's docstring, its imports …, paired by name), and only
two different changes to the same statement conflict.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

import merge3

Chunk = tuple[str, str]
"""A top-level statement's key (`def test_x`, `class C`, `stmt 3`, `tail`) and its text, with
the comments and blank lines above it."""


def merge(base: str, theirs: str, new: str) -> str | None:
    """The merge of the learner's `theirs` and the release's `new`, both from `base` (the kata
    as the learner got it); None when they conflict: both changed the same statement, or the
    same lines of a file that does not parse, differently."""
    merged = merge_lines(base, theirs, new)
    if merged is not None:
        return merged
    chunks = [chunks_of(text) for text in (base, theirs, new)]
    if any(chunk is None for chunk in chunks):
        return None
    base_chunks, their_chunks, new_chunks = (dict(chunk or []) for chunk in chunks)
    result: list[str] = []
    for key, text in _in_order(chunks[2] or [], chunks[1] or []):
        was, mine, now = base_chunks.get(key), their_chunks.get(key), new_chunks.get(key)
        if now is None and mine is None:
            continue
        if now is None:
            if was is not None and mine != was:
                return None  # the release dropped a statement the learner changed
            if was is None:
                result.append(text)  # the learner's own statement: kept
            continue
        if mine is None:
            if was is not None and was != now:
                return None  # the learner removed a statement the release changed
            if was is None:
                result.append(now)  # new in the release
            continue
        one = merge_lines(was or "", mine, now)
        if one is None:
            return None
        result.append(one)
    return "".join(result)


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
