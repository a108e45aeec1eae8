"""The catalog: which katas exist, in which order, with which ids, titles, lessons and hints.

It is read from two kinds of manifest (see docs/kata-format.md):

- `katas/curriculum.toml` lists the topic folders in learner order;
- `katas/<topic>/topic.toml` gives the topic's title and its katas in order, with their hints.

Loading never raises for a broken manifest: every problem is kept as a `CatalogProblem`, a one-line
message that names the file and says what to do, and the rest of the catalog stays usable.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CURRICULUM_FILE = "curriculum.toml"
TOPIC_FILE = "topic.toml"
MIN_HINTS, MAX_HINTS = 2, 4
TRANSLATIONS = ("zh",)
"""The languages a kata's title, lesson and hints are translated into, beside English."""
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STEP = re.compile(r"^(?:async[ \t]+)?def[ \t]+(test\w*)[ \t]*\(", re.MULTILINE)


@lru_cache(maxsize=16384)
def resolved(path: Path) -> Path:
    """`path.resolve()`, asked of the file system once per path: runs ask it for every step."""
    return path.resolve()


@dataclass(frozen=True)
class CatalogProblem:
    """A manifest or layout problem: the file it is in, and what to do about it."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Translation:
    """A kata's title, lesson and hints in one more language (its `[katas.<language>]` table)."""

    title: str
    lesson: str
    hints: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Kata:
    """One kata: a test module of katas/, its place in the order, and its manifest entry."""

    id: str
    title: str
    hints: tuple[str, ...]
    topic: str
    path: Path
    display: str
    """The kata's path as the learner types it, relative to the repository root."""
    relpath: str
    """The kata's path inside katas/ (and its solution's inside solutions/)."""
    order: int
    manifest: str
    hint_problem: str | None = None
    """Why the hints could not be read, when they could not."""
    translations: dict[str, Translation] = field(default_factory=dict)
    translation_problems: tuple[str, ...] = ()
    """What is missing or wrong in the translations (a maintainer's problem, not a learner's)."""

    def title_in(self, language: str) -> str:
        translation = self.translations.get(language)
        return translation.title if translation else self.title

    def lesson_in(self, language: str) -> str:
        translation = self.translations.get(language)
        return translation.lesson if translation else self.lesson

    def hints_in(self, language: str) -> tuple[str, ...]:
        translation = self.translations.get(language)
        return translation.hints if translation else self.hints

    @cached_property
    def _source(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    @property
    def steps(self) -> tuple[str, ...]:
        """The kata's steps: its top-level test functions, in order, read without importing it."""
        return tuple(dict.fromkeys(_STEP.findall(self._source)))

    @property
    def lesson(self) -> str:
        """The kata's lesson: its module docstring ("" when it has none or does not parse)."""
        try:
            return ast.get_docstring(ast.parse(self._source)) or ""
        except SyntaxError:
            return ""


@dataclass(frozen=True)
class Topic:
    name: str
    title: str
    katas: tuple[Kata, ...]
    translated_titles: dict[str, str] = field(default_factory=dict)

    def title_in(self, language: str) -> str:
        return self.translated_titles.get(language, self.title)


@dataclass
class Catalog:
    """All katas in learner order, and whatever was wrong with their manifests."""

    root: Path
    """The repository root: displayed paths are relative to it."""
    katas_dir: Path
    topics: list[Topic] = field(default_factory=list)
    problems: list[CatalogProblem] = field(default_factory=list)

    @property
    def katas(self) -> list[Kata]:
        return [kata for topic in self.topics for kata in topic.katas]

    @cached_property
    def _by_path(self) -> dict[Path, Kata]:
        return {kata.path: kata for kata in self.katas}

    @cached_property
    def _by_id(self) -> dict[str, Kata]:
        return {kata.id: kata for kata in self.katas}

    def kata_at(self, path: Path) -> Kata | None:
        return self._by_path.get(path) or self._by_path.get(resolved(path))

    def kata_with_id(self, kata_id: str) -> Kata | None:
        return self._by_id.get(kata_id)

    def katas_under(self, path: Path) -> list[Kata]:
        path = resolved(path)
        return [kata for kata in self.katas if kata.path == path or path in kata.path.parents]

    def display(self, path: Path) -> str:
        try:
            return resolved(path).relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    @classmethod
    def load(cls, root: Path, katas_dir: Path) -> Catalog:
        catalog = cls(root.resolve(), katas_dir.resolve())
        _Loader(catalog).load()
        return catalog


class _Loader:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.seen_ids: dict[str, str] = {}
        self.unreadable: set[Path] = set()

    def problem(self, path: Path, message: str) -> None:
        self.catalog.problems.append(CatalogProblem(self.catalog.display(path), message))

    def read_toml(self, path: Path) -> dict[str, Any] | None:
        try:
            with path.open("rb") as file:
                return tomllib.load(file)
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            self.problem(path, f"not valid TOML ({error}); fix it, or restore it from git")
            self.unreadable.add(path)
            return {}

    def load(self) -> None:
        curriculum_path = self.catalog.katas_dir / CURRICULUM_FILE
        curriculum = self.read_toml(curriculum_path)
        if curriculum is None:
            self.problem(
                curriculum_path,
                'missing; create it with the topic folders in learner order: topics = ["…"]',
            )
            return
        names = curriculum.get("topics")
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            if curriculum:
                self.problem(
                    curriculum_path, 'needs topics = ["folder", …], a list of folder names'
                )
            return
        for name in dict.fromkeys(names):
            self.load_topic(name)
        self.report_unlisted_topics(set(names))

    def report_unlisted_topics(self, listed: set[str]) -> None:
        katas_dir = self.catalog.katas_dir
        for manifest in sorted(katas_dir.glob(f"*/{TOPIC_FILE}")):
            if manifest.parent.name not in listed:
                self.problem(
                    manifest,
                    f"topic not listed in {CURRICULUM_FILE}; add "
                    f'"{manifest.parent.name}" to topics there',
                )

    def load_topic(self, name: str) -> None:
        folder = self.catalog.katas_dir / name
        manifest_path = folder / TOPIC_FILE
        manifest = self.read_toml(manifest_path)
        if manifest is None:
            self.problem(
                manifest_path, "missing; every topic folder needs one (see docs/kata-format.md)"
            )
            return
        title = manifest.get("title")
        if not isinstance(title, str) or not title.strip():
            if manifest:
                self.problem(manifest_path, 'needs a title = "…" for the topic')
            title = name.replace("_", " ").capitalize()
        entries = manifest.get("katas", [])
        if not isinstance(entries, list):
            self.problem(manifest_path, "katas must be [[katas]] tables, one per kata")
            entries = []
        katas = [
            kata
            for number, entry in enumerate(entries, start=1)
            if (kata := self.load_kata(name, manifest_path, number, entry)) is not None
        ]
        listed = {kata.path.name for kata in katas}
        unlisted = [] if manifest_path in self.unreadable else sorted(folder.glob("test_*.py"))
        for module in unlisted:
            if module.name not in listed:
                self.problem(
                    manifest_path,
                    f"does not list {module.name}; add a [[katas]] entry with its id, title and "
                    "hints",
                )
        translated_titles = {}
        for language in TRANSLATIONS:
            table = manifest.get(language)
            if isinstance(table, dict) and isinstance(table.get("title"), str):
                translated_titles[language] = table["title"].strip()
        self.catalog.topics.append(Topic(name, title.strip(), tuple(katas), translated_titles))

    def load_kata(self, topic: str, manifest_path: Path, number: int, entry: Any) -> Kata | None:
        where = f"kata #{number}"
        if not isinstance(entry, dict):
            self.problem(manifest_path, f"{where} must be a [[katas]] table")
            return None
        kata_id, file, title = entry.get("id"), entry.get("file"), entry.get("title")
        if not isinstance(kata_id, str) or not _ID.fullmatch(kata_id):
            self.problem(
                manifest_path,
                f"{where} needs an id of lowercase letters, digits and dashes "
                f'(id = "like-this"), not {kata_id!r}',
            )
            return None
        where = f'kata "{kata_id}"'
        if kata_id in self.seen_ids:
            self.problem(
                manifest_path,
                f"{where} reuses the id of {self.seen_ids[kata_id]}; every kata needs its own id",
            )
            return None
        if not isinstance(file, str) or not re.fullmatch(r"test_\w+\.py", file):
            self.problem(manifest_path, f'{where} needs file = "test_….py", not {file!r}')
            return None
        path = manifest_path.parent / file
        if not path.is_file():
            self.problem(manifest_path, f"{where} names {file}, which does not exist")
            return None
        self.seen_ids[kata_id] = self.catalog.display(path)
        if not isinstance(title, str) or not title.strip():
            self.problem(manifest_path, f'{where} needs a title = "…"')
            title = path.stem.removeprefix("test_").replace("_", " ")
        hints, hint_problem = _read_hints(entry.get("hints"))
        if hint_problem:
            hint_problem = f"{where} {hint_problem}"
            self.problem(manifest_path, hint_problem)
        translations, translation_problems = _read_translations(entry, len(hints))
        return Kata(
            id=kata_id,
            title=title.strip(),
            hints=hints,
            topic=topic,
            path=path,
            display=self.catalog.display(path),
            relpath=path.relative_to(self.catalog.katas_dir).as_posix(),
            order=len(self.seen_ids),
            manifest=self.catalog.display(manifest_path),
            hint_problem=hint_problem,
            translations=translations,
            translation_problems=tuple(f"{where} {problem}" for problem in translation_problems),
        )


def _read_translations(
    entry: dict[str, Any], hint_count: int
) -> tuple[dict[str, Translation], list[str]]:
    translations, problems = {}, []
    for language in TRANSLATIONS:
        table = entry.get(language)
        if not isinstance(table, dict):
            problems.append(
                f"has no [katas.{language}] table with its title, lesson and hints in {language}"
            )
            continue
        title, lesson = table.get("title"), table.get("lesson")
        hints, hint_problem = _read_hints(table.get("hints"))
        if not isinstance(title, str) or not title.strip():
            problems.append(f'needs title = "…" in its [katas.{language}] table')
        if not isinstance(lesson, str) or not lesson.strip():
            problems.append(f'needs lesson = """…""" in its [katas.{language}] table')
        if hint_problem:
            problems.append(f"[katas.{language}] {hint_problem}")
        elif len(hints) != hint_count:
            problems.append(
                f"has {len(hints)} hints in [katas.{language}] but {hint_count} in English; "
                "translate every hint"
            )
        if isinstance(title, str) and isinstance(lesson, str) and not hint_problem:
            translations[language] = Translation(title.strip(), lesson.strip(), hints)
    return translations, problems


def _read_hints(hints: Any) -> tuple[tuple[str, ...], str | None]:
    if not isinstance(hints, list) or not all(
        isinstance(hint, str) and hint.strip() for hint in hints
    ):
        return (), 'needs hints = ["…", "…"], a list of 2 to 4 non-empty strings'
    if not MIN_HINTS <= len(hints) <= MAX_HINTS:
        return (), f"has {len(hints)} hints; give it {MIN_HINTS} to {MAX_HINTS}"
    return tuple(hint.strip() for hint in hints), None


def iter_kata_modules(folder: Path) -> Iterator[Path]:
    """Every kata-shaped module under a folder, in a stable order."""
    yield from sorted(path for path in folder.rglob("test_*.py") if "__pycache__" not in path.parts)
