"""The catalog: which katas exist, in which order, with which ids, titles, lessons and hints.

It is read from two kinds of manifest (see the kata format, `FORMAT_DOC`):

- `katas/curriculum.toml` lists the topic folders in learner order, and the warnings filters that
  travel with the katas;
- `katas/<topic>/topic.toml` gives the topic's title and its katas in order, with their hints.

Loading never raises for a broken manifest: every problem is kept as a `CatalogProblem`, a one-line
message that names the file and says what to do, and the rest of the catalog stays usable.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import re
import sys
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pytest_katas.i18n import LANGUAGES, N_, Messages, N_plural

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CURRICULUM_FILE = "curriculum.toml"
FORMAT_DOC = Path(__file__).parent / "docs" / "kata-format.md"
"""The kata format, installed with the package: messages about a kata tree's shape cite it."""
TOPIC_FILE = "topic.toml"
MIN_HINTS, MAX_HINTS = 2, 4
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def is_language(code: str) -> bool:
    """Whether `code` reads as a language code as the catalogs and `--lang` name them (ISO 639:
    `zh`, `fr`)."""
    return _LANGUAGE.fullmatch(code) is not None


"""The languages a kata's title, lesson and hints are translated into, beside English."""
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STEP = re.compile(r"^(?:async[ \t]+)?def[ \t]+(test\w*)[ \t]*\(", re.MULTILINE)


say = Messages(
    {
        "not-toml": N_("not valid TOML ({error}); fix it, or restore it from git"),
        "no-curriculum": N_(
            'missing; create it with the topic folders in learner order: topics = ["…"]'
        ),
        "no-topics": N_('needs topics = ["folder", …], a list of folder names'),
        "unlisted-topic": N_('topic not listed in {file}; add "{name}" to topics there'),
        "no-topic-file": N_("missing; every topic folder needs one (see {doc})"),
        "bad-filters": N_(
            "filterwarnings must be a list of warnings filters, such as filterwarnings = "
            '["ignore::DeprecationWarning"]'
        ),
        "bad-filter": N_(
            "filterwarnings has {entry}, which is not a warnings filter "
            "(action:message:category:module:line, as in pytest's filterwarnings); fix it or "
            "remove it"
        ),
        "no-topic-title": N_('needs a title = "…" for the topic'),
        "katas-not-tables": N_("katas must be [[katas]] tables, one per kata"),
        "unlisted-kata": N_(
            "does not list {file}; add a [[katas]] entry with its id, title and hints"
        ),
        "missing-kata": N_("{path} is missing: {pytest} --reset {path} puts it back as shipped"),
        "not-a-kata": N_(
            "{path} is not a kata (its {topic} does not list it), so it runs as a test of "
            "your own; to keep a file of yours out of the run, name it without the test_ prefix"
        ),
        "bad-translations": N_(
            'translations must be a list of language codes, such as translations = ["zh"]'
        ),
        "kata-number": N_("kata #{number}"),
        "kata-id": N_('kata "{id}"'),
        "not-a-table": N_("{where} must be a [[katas]] table"),
        "bad-id": N_(
            '{where} needs an id of lowercase letters, digits and dashes (id = "like-this"), '
            "not {value}"
        ),
        "reused-id": N_("{where} reuses the id of {other}; every kata needs its own id"),
        "bad-file": N_('{where} needs file = "test_….py", not {value}'),
        "no-file": N_("{where} names {file}, which does not exist"),
        "no-title": N_('{where} needs a title = "…"'),
        "with-where": N_("{where} {problem}"),
        "bad-hints": N_('needs hints = ["…", "…"], a list of 2 to 4 non-empty strings'),
        "hint-count": N_plural(
            "has 1 hint; give it {low} to {high}", "has {count} hints; give it {low} to {high}"
        ),
        "no-translation": N_(
            "has no [katas.{language}] table with its title, lesson and hints in {language}"
        ),
        "no-translated-title": N_('needs title = "…" in its [katas.{language}] table'),
        "no-translated-lesson": N_('needs lesson = """…""" in its [katas.{language}] table'),
        "translated-hints": N_("[katas.{language}] {problem}"),
        "translated-hint-count": N_(
            "has {count} hints in [katas.{language}] but {english} in English; translate every hint"
        ),
    }
)


@lru_cache(maxsize=16384)
def resolved(path: Path) -> Path:
    """`path.resolve()`, asked of the file system once per path: runs ask it for every step."""
    return path.resolve()


def display_path(path: Path, root: Path) -> str:
    """A path as the learner types it: relative to the repository root `root` (a resolved path)."""
    if path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    try:
        return resolved(path).relative_to(root).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class CatalogProblem:
    """A manifest or layout problem: the file it is in, and what to do about it."""

    where: str
    message: str
    to_learner: str | None = None
    """What a learner is told instead, where the problem is theirs to fix in another way than a
    maintainer's (a test file of their own beside the katas)."""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def for_learner(self) -> str:
        """The line a learner's run prints."""
        return self.to_learner or str(self)


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

    @property
    def source(self) -> str | None:
        """The kata module's text as the learner has it (read once per modification time, see
        `read_source`), or None when it cannot be read."""
        try:
            return _read_source(self.path, self.path.stat().st_mtime_ns)
        except (OSError, SyntaxError, UnicodeDecodeError, LookupError):
            return None

    @property
    def _source(self) -> str:
        return self.source or ""

    @property
    def steps(self) -> tuple[str, ...]:
        """The kata's steps: its top-level test functions, in order, read without importing it."""
        return _steps_in(self._source)

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
    filterwarnings: tuple[str, ...] = ()
    """The warnings filters of `katas/curriculum.toml` (its `filterwarnings` list, the readable
    ones), which every step of a kata and of its solution runs under."""
    translations: tuple[str, ...] = ()
    """The languages `katas/curriculum.toml` promises every title, lesson and hint in besides
    English (its `translations` list, such as `["zh"]`); the maintainer checks require them."""

    @property
    def katas(self) -> list[Kata]:
        return [kata for topic in self.topics for kata in topic.katas]

    @cached_property
    def _by_path(self) -> dict[Path, Kata]:
        return {kata.path: kata for kata in self.katas}

    def kata_at(self, path: Path) -> Kata | None:
        return self._by_path.get(path) or self._by_path.get(resolved(path))

    def katas_under(self, path: Path) -> list[Kata]:
        path = resolved(path)
        return [kata for kata in self.katas if kata.path == path or path in kata.path.parents]

    def display(self, path: Path) -> str:
        return display_path(path, self.root)

    @classmethod
    def load(cls, root: Path, katas_dir: Path) -> Catalog:
        """The catalog of `katas_dir`, read again only when a manifest or the set of kata modules
        has changed since it was last read in this process (watch mode asks on every save)."""
        root, katas_dir = root.resolve(), katas_dir.resolve()
        fingerprint = _fingerprint(katas_dir)
        cached = _LOADED.get((root, katas_dir))
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
        catalog = cls(root, katas_dir)
        _Loader(catalog).load()
        _LOADED[(root, katas_dir)] = (fingerprint, catalog)
        return catalog


_LOADED: dict[tuple[Path, Path], tuple[object, Catalog]] = {}


def _fingerprint(katas_dir: Path) -> object:
    """What a catalog is read from: the manifests' sizes and times, and which modules exist."""
    manifests = [katas_dir / CURRICULUM_FILE, *sorted(katas_dir.glob(f"*/{TOPIC_FILE}"))]
    stamps: list[tuple[Path, tuple[int, int] | None]] = []
    for manifest in manifests:
        try:
            status = manifest.stat()
        except OSError:
            stamps.append((manifest, None))
        else:
            stamps.append((manifest, (status.st_mtime_ns, status.st_size)))
    return (tuple(stamps), tuple(sorted(katas_dir.glob("*/test_*.py"))))


def parse_toml(text: str) -> dict[str, Any] | None:
    """`text` read as TOML (tomllib, tomli before 3.11); None when it is not TOML."""
    try:
        parsed: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    return parsed


def read_source(path: Path) -> str:
    """A Python file's text, decoded as Python itself decodes it (PEP 263's coding cookie, a
    UTF-8 byte-order mark, else UTF-8; `importlib.util.decode_source`). Bytes that do not decode
    become U+FFFD: CPython's own tokenizer lets some through (in comments), and whether the file
    imports is for the import to say. Raises OSError."""
    data = path.read_bytes()
    try:
        return importlib.util.decode_source(data)
    except (SyntaxError, UnicodeDecodeError, LookupError):
        try:
            encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
            return data.decode(encoding, errors="replace")
        except (SyntaxError, LookupError):
            return data.decode("utf-8", errors="replace")


@lru_cache(maxsize=4096)
def _read_source(path: Path, mtime_ns: int) -> str:
    return read_source(path)


@lru_cache(maxsize=4096)
def _steps_in(source: str) -> tuple[str, ...]:
    """The steps found in a kata's source, once per source: a run asks for every kata's steps
    hundreds of times (the progress, the report), each a scan of the whole module."""
    return tuple(dict.fromkeys(_STEP.findall(source)))


class _Loader:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.seen_ids: dict[str, str] = {}
        self.unreadable: set[Path] = set()

    def problem(self, path: Path, message: str, to_learner: str | None = None) -> None:
        self.catalog.problems.append(
            CatalogProblem(self.catalog.display(path), message, to_learner)
        )

    def read_toml(self, path: Path) -> dict[str, Any] | None:
        try:
            with path.open("rb") as file:
                return tomllib.load(file)
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            self.problem(path, say("not-toml", error=error))
            self.unreadable.add(path)
            return {}

    def load(self) -> None:
        curriculum_path = self.catalog.katas_dir / CURRICULUM_FILE
        curriculum = self.read_toml(curriculum_path)
        if curriculum is None:
            self.problem(curriculum_path, say("no-curriculum"))
            return
        names = curriculum.get("topics")
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            if curriculum_path not in self.unreadable:  # else told already; an empty file is not
                self.problem(curriculum_path, say("no-topics"))
            return
        self.read_filters(curriculum_path, curriculum.get("filterwarnings", []))
        self.read_translations(curriculum_path, curriculum.get("translations", []))
        for name in dict.fromkeys(names):
            self.load_topic(name)
        self.report_unlisted_topics(set(names))

    def read_filters(self, curriculum_path: Path, filters: Any) -> None:
        if not isinstance(filters, list) or not all(isinstance(entry, str) for entry in filters):
            self.problem(curriculum_path, say("bad-filters"))
            return
        good = [entry for entry in filters if _is_warnings_filter(entry)]
        for entry in filters:
            if entry not in good:
                self.problem(curriculum_path, say("bad-filter", entry=repr(entry)))
        self.catalog.filterwarnings = tuple(good)

    def read_translations(self, curriculum_path: Path, languages: Any) -> None:
        if not isinstance(languages, list) or not all(
            isinstance(language, str) and is_language(language) for language in languages
        ):
            self.problem(curriculum_path, say("bad-translations"))
            return
        self.catalog.translations = tuple(dict.fromkeys(languages))

    def report_unlisted_topics(self, listed: set[str]) -> None:
        katas_dir = self.catalog.katas_dir
        for manifest in sorted(katas_dir.glob(f"*/{TOPIC_FILE}")):
            if manifest.parent.name not in listed:
                self.problem(
                    manifest, say("unlisted-topic", file=CURRICULUM_FILE, name=manifest.parent.name)
                )

    def load_topic(self, name: str) -> None:
        folder = self.catalog.katas_dir / name
        manifest_path = folder / TOPIC_FILE
        manifest = self.read_toml(manifest_path)
        if manifest is None:
            self.problem(manifest_path, say("no-topic-file", doc=FORMAT_DOC))
            return
        title = manifest.get("title")
        if not isinstance(title, str) or not title.strip():
            if manifest_path not in self.unreadable:  # else told already; an empty file is not
                self.problem(manifest_path, say("no-topic-title"))
            title = name.replace("_", " ").capitalize()
        entries = manifest.get("katas", [])
        if not isinstance(entries, list):
            self.problem(manifest_path, say("katas-not-tables"))
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
                    say("unlisted-kata", file=module.name),
                    say("not-a-kata", path=self.catalog.display(module), topic=TOPIC_FILE),
                )
        translated_titles = {}
        for language in self.languages_in(manifest):
            table = manifest.get(language)
            if isinstance(table, dict) and isinstance(table.get("title"), str):
                translated_titles[language] = table["title"].strip()
        self.catalog.topics.append(Topic(name, title.strip(), tuple(katas), translated_titles))

    def languages_in(self, table: dict[str, Any]) -> list[str]:
        """The languages whose translation `table` (a manifest, or a kata's entry) is read: those
        the curriculum promises, and any other language the plugin speaks that it has."""
        spoken = [language for language in LANGUAGES[1:] if language in table]  # not English
        return list(dict.fromkeys([*self.catalog.translations, *spoken]))

    def load_kata(self, topic: str, manifest_path: Path, number: int, entry: Any) -> Kata | None:
        where = say("kata-number", number=number)
        if not isinstance(entry, dict):
            self.problem(manifest_path, say("not-a-table", where=where))
            return None
        kata_id, file, title = entry.get("id"), entry.get("file"), entry.get("title")
        if not isinstance(kata_id, str) or not _ID.fullmatch(kata_id):
            self.problem(manifest_path, say("bad-id", where=where, value=repr(kata_id)))
            return None
        where = say("kata-id", id=kata_id)
        if kata_id in self.seen_ids:
            self.problem(manifest_path, say("reused-id", where=where, other=self.seen_ids[kata_id]))
            return None
        if not isinstance(file, str) or not re.fullmatch(r"test_\w+\.py", file):
            self.problem(manifest_path, say("bad-file", where=where, value=repr(file)))
            return None
        path = manifest_path.parent / file
        if not path.is_file():
            missing = say("missing-kata", path=self.catalog.display(path))
            self.problem(manifest_path, say("no-file", where=where, file=file), missing)
            return None
        self.seen_ids[kata_id] = self.catalog.display(path)
        if not isinstance(title, str) or not title.strip():
            self.problem(manifest_path, say("no-title", where=where))
            title = path.stem.removeprefix("test_").replace("_", " ")
        hints, hint_problem = _read_hints(entry.get("hints"))
        if hint_problem:
            hint_problem = say("with-where", where=where, problem=hint_problem)
            self.problem(manifest_path, hint_problem)
        translations, translation_problems = _read_translations(
            entry, len(hints), self.languages_in(entry), self.catalog.translations
        )
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
            translation_problems=tuple(
                say("with-where", where=where, problem=problem) for problem in translation_problems
            ),
        )


def _is_warnings_filter(entry: str) -> bool:
    """Whether `entry` reads as pytest reads a `filterwarnings` entry (its regular expressions
    included, which pytest would compile only when a step runs)."""
    # imported here: the catalog is read outside pytest runs too (katas-report)
    from _pytest.config import UsageError, parse_warning_filter

    try:
        _, message, _, module, _ = parse_warning_filter(entry, escape=False)
        re.compile(message)
        re.compile(module)
    except (UsageError, ImportError, re.error):
        return False
    return True


def _read_translations(
    entry: dict[str, Any], hint_count: int, languages: list[str], promised: tuple[str, ...]
) -> tuple[dict[str, Translation], list[str]]:
    translations, problems = {}, []
    for language in languages:
        table = entry.get(language)
        if not isinstance(table, dict):
            if language in promised:
                problems.append(say("no-translation", language=language))
            continue
        title, lesson = table.get("title"), table.get("lesson")
        hints, hint_problem = _read_hints(table.get("hints"))
        if not isinstance(title, str) or not title.strip():
            problems.append(say("no-translated-title", language=language))
        if not isinstance(lesson, str) or not lesson.strip():
            problems.append(say("no-translated-lesson", language=language))
        if hint_problem:
            problems.append(say("translated-hints", language=language, problem=hint_problem))
        elif len(hints) != hint_count:
            problems.append(
                say(
                    "translated-hint-count",
                    count=len(hints),
                    language=language,
                    english=hint_count,
                )
            )
        if isinstance(title, str) and isinstance(lesson, str) and not hint_problem:
            translations[language] = Translation(title.strip(), lesson.strip(), hints)
    return translations, problems


def _read_hints(hints: Any) -> tuple[tuple[str, ...], str | None]:
    if not isinstance(hints, list) or not all(
        isinstance(hint, str) and hint.strip() for hint in hints
    ):
        return (), say("bad-hints")
    if not MIN_HINTS <= len(hints) <= MAX_HINTS:
        return (), say("hint-count", count=len(hints), low=MIN_HINTS, high=MAX_HINTS)
    return tuple(hint.strip() for hint in hints), None


def iter_kata_modules(folder: Path) -> Iterator[Path]:
    """Every kata-shaped module under a folder, in a stable order."""
    yield from sorted(path for path in folder.rglob("test_*.py") if "__pycache__" not in path.parts)
