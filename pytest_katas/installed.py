"""The curriculum installed with pytest-katas: every file of its katas/ and solutions/.

A wheel holds it as one JSON file of the package, `curriculum.json` (written at build time by the
repository's setup.py from its katas/ and solutions/), so the reference solutions are data Python
cannot import. An editable install has no such file: the repository's own katas/ and solutions/
are the curriculum. `pytest-katas init` and `update` write the katas from it; the plugin reads a
reference solution from it when the kata tree has no solutions/ folder (a learner's workspace).

`PYTEST_KATAS_CURRICULUM` names a kata tree folder (with katas/ and solutions/) that stands for the
installed curriculum. It exists for the tests of `pytest-katas update` (a "new release" without
building a second wheel), and is not meant for learners.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pytest_katas import __version__
from pytest_katas.catalog import CURRICULUM_FILE, TOPIC_FILE, parse_toml

BUNDLE = Path(__file__).with_name("curriculum.json")
BUNDLE_FORMAT = "pytest-katas-curriculum/1"
REPOSITORY = Path(__file__).resolve().parents[1]
SOURCE_VARIABLE = "PYTEST_KATAS_CURRICULUM"
"""For tests only: a kata tree folder that stands for the installed curriculum."""
KATAS = "katas"
SOLUTIONS = "solutions"


@dataclass(frozen=True)
class Curriculum:
    """A curriculum's files by their path from the tree's root (`katas/generators/test_send.py`,
    `solutions/generators/test_send.py`, `katas/curriculum.toml` …), and its version."""

    version: str
    files: Mapping[str, str] = field(repr=False)

    @cached_property
    def kata_files(self) -> dict[str, str]:
        """The files of katas/ only: what a workspace gets."""
        return {path: text for path, text in self.files.items() if path.startswith(f"{KATAS}/")}

    @cached_property
    def digest(self) -> str:
        """`sha256:…` of the kata files, which tells two releases' katas apart."""
        return digest_of(self.kata_files)

    @cached_property
    def kata_paths(self) -> dict[str, str]:
        """Each kata's id → its path (`katas/<topic>/<file>`), as the manifests list them."""
        return kata_paths(self.kata_files)

    def solution(self, kata_id: str, relpath: str) -> str | None:
        """The reference solution of the kata `kata_id` at `relpath` (its path inside katas/),
        or None when this curriculum has no such kata."""
        if self.kata_paths.get(kata_id) != f"{KATAS}/{relpath}":
            return None
        return self.files.get(f"{SOLUTIONS}/{relpath}")


def digest_of(files: Mapping[str, str]) -> str:
    """`sha256:…` of `files` (path → text), whatever their order."""
    encoded = json.dumps(dict(files), sort_keys=True, ensure_ascii=False).encode("utf-8")
    return "sha256:" + hashlib.sha256(encoded).hexdigest()


def kata_paths(files: Mapping[str, str]) -> dict[str, str]:
    """Each kata's id → its path from the tree's root, read from the manifests among `files`
    (`katas/curriculum.toml`, then each listed topic's `topic.toml`), in learner order. A
    manifest that is missing or does not parse gives no katas (the catalog names the problem
    when the katas run). Raises nothing."""
    curriculum = _toml(files.get(f"{KATAS}/{CURRICULUM_FILE}"))
    topics = curriculum.get("topics")
    found: dict[str, str] = {}
    for topic in topics if isinstance(topics, list) else []:
        manifest = _toml(files.get(f"{KATAS}/{topic}/{TOPIC_FILE}"))
        entries = manifest.get("katas")
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            kata_id, file = entry.get("id"), entry.get("file")
            if isinstance(kata_id, str) and isinstance(file, str) and kata_id not in found:
                found[kata_id] = f"{KATAS}/{topic}/{file}"
    return found


def _toml(text: str | None) -> dict[str, Any]:
    parsed = None if text is None else parse_toml(text)
    return parsed or {}


def read_tree(root: Path) -> dict[str, str]:
    """Every file of `root`'s katas/ and solutions/ (path from `root` → text), as setup.py bundles
    them: no bytecode, no `.bak` files, nothing hidden. Raises OSError, UnicodeDecodeError."""
    files = {}
    for folder in (KATAS, SOLUTIONS):
        for path in sorted((root / folder).rglob("*")):
            parts = path.relative_to(root).parts
            hidden = any(part.startswith(".") or part == "__pycache__" for part in parts)
            if (
                path.is_file()
                and not hidden
                and ".bak" not in path.suffixes
                and path.suffix != ".pyc"
            ):
                files[path.relative_to(root).as_posix()] = path.read_text(encoding="utf-8")
    return files


def installed() -> Curriculum | None:
    """The installed curriculum: `$PYTEST_KATAS_CURRICULUM` (tests only), else the package's
    bundle, else the repository's katas/ and solutions/ (an editable install); None when there is
    none, or it cannot be read."""
    named = os.environ.get(SOURCE_VARIABLE)
    if named:
        return _from_tree(Path(named).resolve())
    if BUNDLE.is_file():
        return _from_bundle(BUNDLE, BUNDLE.stat().st_mtime_ns)
    if (REPOSITORY / KATAS / CURRICULUM_FILE).is_file():
        return _from_tree(REPOSITORY)
    return None


@lru_cache(maxsize=2)
def _from_bundle(path: Path, mtime_ns: int) -> Curriculum | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = data.get("files") if isinstance(data, dict) else None
    if data.get("format") != BUNDLE_FORMAT or not isinstance(files, dict):
        return None
    return Curriculum(str(data.get("version", __version__)), files)


@lru_cache(maxsize=4)
def _from_tree(root: Path) -> Curriculum | None:
    # read once per process: a learner's run asks it for every kata's solution
    try:
        return Curriculum(__version__, read_tree(root))
    except (OSError, UnicodeDecodeError):
        return None
