"""Which English text each translation translates, and whether that English changed since.

Each translation table of a topic.toml records, by field, a fingerprint of the English it was
checked against, so that rewriting the English shows which translations now say the old thing:

    [katas.zh]
    title = "…"
    lesson = \"\"\"…\"\"\"
    hints = ["…", "…"]
    translates = {title = "3f2a9c01", lesson = "be71d2e4", hints = "07c4aa5d"}

The topic's `[zh]` table records its title the same way: `translates = {title = "…"}`.

Where the English is: a kata's title and hints in its `[[katas]]` table, its lesson in its
module's docstring (`Kata.lesson`), the topic's title at the top of its topic.toml (see
catalog.py). A fingerprint is the first `DIGITS` hex digits of the SHA-256 of the English
`normalised` and encoded in UTF-8 (`fingerprint`), so that re-wrapping a text's lines changes
nothing; the hints, each normalised, are joined by three newlines, which a normalised text never
holds.

`pytest solutions/` names each translated field whose English changed, and each translation
without a record (`stale_kata`, `stale_topic_title`); `pytest-katas translations` lists them, and
with `--refresh` records the English as it is now, once the translations are checked (`refresh`:
only the `translates` lines of topic.toml change, through tomlkit, which keeps the rest of the
file as it is).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import re
import sys
from collections.abc import Callable, Collection, Iterable, MutableMapping
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from pytest_katas.catalog import (
    CURRICULUM_FILE,
    TOPIC_FILE,
    Catalog,
    Kata,
    Topic,
    is_language,
    parse_toml,
)
from pytest_katas.i18n import N_, Messages, N_plural
from pytest_katas.layout import find_tree_root

COMMAND = "pytest-katas translations"
RECORD = "translates"
"""The key, in a translation's table, of the record of the English it translates."""
RECORDED_FIELDS = ("title", "lesson", "hints")
"""The fields of a kata's translation whose English is recorded (of a topic's: the title)."""
DIGITS = 8
"""Hex digits of a fingerprint: enough that a change going unseen is a chance in 4 billion."""
KATAS = "katas"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\r]*\n")

say = Messages(
    {
        "kata": N_('kata "{name}"'),
        "topic": N_('topic "{name}"'),
        "source-title": N_("title in its [[katas]] table"),
        "source-hints": N_("hints in its [[katas]] table"),
        "source-lesson": N_("the docstring of {path}"),
        "source-topic-title": N_("title at the top of topic.toml"),
        "changed": N_(
            "{manifest}: {what}, field {field}: the English changed after [{table}] {field} "
            "was checked against it; check that translation against the new English ({source}), "
            "then run: {command}"
        ),
        "unrecorded": N_(
            "{manifest}: {what}, field {field}: [{table}] does not record which English "
            "{field} it translates ({record}.{field}); check that translation against the English "
            "({source}), then run: {command}"
        ),
        "no-record": N_(
            "{manifest}: {what}: [{table}] does not record which English it translates "
            "({record} = {{…}}); check the translation against the English, then run: {command}"
        ),
        "description": N_(
            "For maintainers: list the translated titles, lessons and hints whose English "
            "changed after they were checked (each translation records the English it "
            "translates, as translates = {{…}} in topic.toml), exit status 1 if any; with "
            "--refresh, record the English as it is now, once the translations are checked."
        ),
        "help-names": N_(
            "a kata's id, or a topic's folder for the topic's own title (default: every kata "
            "and topic)"
        ),
        "help-check": N_(
            "list the translations whose English changed or is not recorded (the default)"
        ),
        "help-refresh": N_(
            "record the English that the named translations translate now: run it after "
            "checking them"
        ),
        "help-translation": N_(
            "only the translations into LANGUAGE, a language code such as zh (default: every one)"
        ),
        "help-root": N_(
            "the kata tree's root, which holds katas/ (default: the nearest folder at or "
            "above the current one that holds katas/curriculum.toml)"
        ),
        "no-tree": N_(
            "no kata tree at or above {folder}: no folder there holds {katas}/{curriculum}; "
            "name the tree's root with --root"
        ),
        "unknown-name": N_("no kata id or topic folder in {katas} is {name}"),
        "to-check": N_plural(
            "1 translation to check against its English (above).",
            "{count} translations to check against their English (above).",
        ),
        "all-current": N_("Every translation records the English it translates, unchanged since."),
        "refreshed": N_plural(
            "{manifest}: recorded the English of 1 translation",
            "{manifest}: recorded the English of {count} translations",
        ),
        "nothing-to-refresh": N_("Every record is current: nothing written."),
        "not-translated": N_(
            "{manifest}: {what} has no readable [{table}] translation, so nothing to record: "
            "fix what pytest solutions/ says about it first"
        ),
        "not-rewritten": N_(
            "{manifest}: left as it was, since recording the English there would change "
            "more than its {record} lines ({error}); write them by hand"
        ),
    }
)


def normalised(text: str) -> str:
    """`text` as its fingerprint reads it: paragraphs (parted by blank lines) kept, and within
    each, every run of whitespace one space, so that re-wrapping lines changes nothing."""
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def fingerprint(text: str) -> str:
    """The first `DIGITS` hex digits of the SHA-256 of `normalised(text)` in UTF-8."""
    return _digest(normalised(text))


def hints_fingerprint(hints: Iterable[str]) -> str:
    """The fingerprint of a list of hints: each `normalised`, joined by three newlines (never in
    a normalised text, so no two lists read the same), then as `fingerprint` (not normalised
    again, which would make one hint of two paragraphs read as two hints)."""
    return _digest("\n\n\n".join(normalised(hint) for hint in hints))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGITS]


def kata_fingerprints(kata: Kata) -> dict[str, str]:
    """The fingerprints of a kata's English, by field (`RECORDED_FIELDS`): its title, its lesson
    (the module's docstring: reads the module) and its hints."""
    found = {
        "title": fingerprint(kata.title),
        "lesson": fingerprint(kata.lesson),
        "hints": hints_fingerprint(kata.hints),
    }
    return {name: found[name] for name in RECORDED_FIELDS}


def topic_fingerprints(topic: Topic) -> dict[str, str]:
    """The fingerprint of a topic's English title, as `{"title": …}`."""
    return {"title": fingerprint(topic.title)}


Records = dict[tuple[str | None, str], dict[str, str]]
"""The records of one topic.toml, by kata id (None: the topic's own title) and language."""


def read_records(manifest: Path) -> Records:
    """The records of the topic.toml at `manifest`: each `translates` table's string values
    among the fields recorded. A record of another shape reads as {} (no record); a manifest that
    cannot be read or parsed has none (the catalog says what is wrong with it). Raises nothing.

    The catalog leaves the records out (only a maintainer's run and this command need them), so
    they are read here, parsed once per text of the file: every kata's check asks."""
    try:
        text = manifest.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return dict(_records_in(text))


@lru_cache(maxsize=64)
def _records_in(text: str) -> Records:
    data = parse_toml(text)
    if data is None:
        return {}
    owners: list[tuple[str | None, Any, tuple[str, ...]]] = [(None, data, ("title",))]
    entries = data.get(KATAS)
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            owners.append((entry["id"], entry, RECORDED_FIELDS))
    records: Records = {}
    for owner, table, fields in owners:
        for language in _translated_in(table):
            translation = table.get(language)
            record = translation.get(RECORD) if isinstance(translation, dict) else None
            if isinstance(record, dict):
                found = {name: record[name] for name in fields if isinstance(record.get(name), str)}
                records.setdefault((owner, language), found)  # a reused id: the catalog's first
    return records


@dataclass(frozen=True)
class Stale:
    """A translation whose record does not match its English now: `field` changed or is not
    recorded (`recorded` says which), or, with `field` None, the translation has no record."""

    manifest: str
    """The topic.toml the translation is in, as displayed."""
    name: str
    """The kata's id; for a topic's own title, the topic's folder."""
    is_kata: bool
    language: str
    field: str | None
    recorded: bool
    source: str
    """Where the English is (the field's), or "" for a translation without a record."""

    def __str__(self) -> str:
        what = say("kata" if self.is_kata else "topic", name=self.name)
        table = f"katas.{self.language}" if self.is_kata else self.language
        values = {"manifest": self.manifest, "what": what, "table": table, "record": RECORD}
        command = f"{COMMAND} --refresh {self.name}"
        if self.field is None:
            return say("no-record", command=command, **values)
        key = "changed" if self.recorded else "unrecorded"
        return say(key, field=self.field, source=self.source, command=command, **values)


def _compare(
    record: dict[str, str], wanted: dict[str, str], sources: dict[str, str], **where: Any
) -> list[Stale]:
    if not record:
        return [Stale(field=None, recorded=False, source="", **where)]
    return [
        Stale(field=name, recorded=name in record, source=sources[name], **where)
        for name, value in wanted.items()
        if record.get(name) != value
    ]


def _translated_in(table: Any) -> list[str]:
    """The languages `table` (a topic.toml, or a kata's entry) holds a translation table for."""
    if not isinstance(table, dict):
        return []
    return [key for key, value in table.items() if isinstance(value, dict) and is_language(key)]


def stale_kata(kata: Kata, languages: Iterable[str] | None = None) -> list[Stale]:
    """What is stale in `kata`'s translations into `languages` (default: every one; those it has:
    a missing or broken one is the catalog's to report), field by field in `RECORDED_FIELDS`
    order. Reads the kata module for its lesson; raises nothing."""
    sources = {
        "title": say("source-title"),
        "lesson": say("source-lesson", path=kata.display),
        "hints": say("source-hints"),
    }
    records = read_records(kata.path.parent / TOPIC_FILE)
    found = []
    for language in kata.translations if languages is None else languages:
        if language in kata.translations:
            record = records.get((kata.id, language), {})
            where = {"manifest": kata.manifest, "name": kata.id, "is_kata": True}
            found += _compare(record, kata_fingerprints(kata), sources, language=language, **where)
    return found


def stale_topic_title(
    catalog: Catalog, topic: Topic, languages: Iterable[str] | None = None
) -> list[Stale]:
    """What is stale in `topic`'s translated titles into `languages` (those it has)."""
    path = catalog.katas_dir / topic.name / TOPIC_FILE
    manifest, records = catalog.display(path), read_records(path)
    found = []
    for language in topic.translated_titles if languages is None else languages:
        if language in topic.translated_titles:
            record = records.get((None, language), {})
            where = {"manifest": manifest, "name": topic.name, "is_kata": False}
            sources = {"title": say("source-topic-title")}
            found += _compare(
                record, topic_fingerprints(topic), sources, language=language, **where
            )
    return found


def stale_translations(
    catalog: Catalog, languages: Iterable[str] | None = None, names: Collection[str] = ()
) -> list[Stale]:
    """Everything stale in `catalog`, topic by topic: its title, then its katas, in order; only
    the katas whose id and the topics whose folder is in `names`, unless `names` is empty."""
    languages = None if languages is None else tuple(languages)
    found = []
    for topic in catalog.topics:
        if not names or topic.name in names:
            found += stale_topic_title(catalog, topic, languages)
        for kata in topic.katas:
            if not names or kata.id in names:
                found += stale_kata(kata, languages)
    return found


class RecordError(Exception):
    """A topic.toml whose records could not be rewritten without changing anything else."""


@dataclass(frozen=True)
class _Update:
    kata: str | None
    """The kata's id, or None for the topic's own title."""
    language: str
    record: dict[str, str]


def refresh(
    catalog: Catalog, languages: Iterable[str] | None = None, names: Collection[str] = ()
) -> tuple[dict[Path, int], list[str]]:
    """Record the English as it is now in every translation into `languages` of the katas and
    topics `names` (as in `stale_translations`) whose record differs from it.

    Returns the topic.toml files rewritten, each with how many records changed, and what could
    not be done, one line each: a named kata or topic without a readable translation, a file
    that tomlkit cannot rewrite without changing more than its records (`rewrite_records`), or
    cannot write (OSError). Every other file is written all the same."""
    if languages is None:  # every language the tree promises or has a translation into
        had = [*catalog.translations]
        for topic in catalog.topics:
            had += [*topic.translated_titles, *(key for k in topic.katas for key in k.translations)]
        languages = dict.fromkeys(had)
    languages = tuple(languages)
    updates: dict[Path, list[_Update]] = {}
    problems: list[str] = []
    for topic in catalog.topics:
        path = catalog.katas_dir / topic.name / TOPIC_FILE
        shown, records = catalog.display(path), read_records(path)
        planned = updates.setdefault(path, [])
        for language in languages:
            if not names or topic.name in names:
                if language in topic.translated_titles:
                    wanted = topic_fingerprints(topic)
                    if records.get((None, language)) != wanted:
                        planned.append(_Update(None, language, wanted))
                elif names:  # named, so the maintainer expects it recorded
                    problems.append(_untranslated(shown, topic.name, False, language))
            for kata in topic.katas:
                if names and kata.id not in names:
                    continue
                if language in kata.translations:
                    wanted = kata_fingerprints(kata)
                    if records.get((kata.id, language)) != wanted:
                        planned.append(_Update(kata.id, language, wanted))
                elif names:
                    problems.append(_untranslated(shown, kata.id, True, language))
    written = {}
    for path, planned in updates.items():
        if not planned:
            continue
        try:
            rewrite_records(path, planned)
        except (RecordError, OSError, UnicodeDecodeError) as error:
            problems.append(
                say("not-rewritten", manifest=catalog.display(path), record=RECORD, error=error)
            )
        else:
            written[path] = len(planned)
    return written, problems


def _untranslated(manifest: str, name: str, is_kata: bool, language: str) -> str:
    what = say("kata" if is_kata else "topic", name=name)
    table = f"katas.{language}" if is_kata else language
    return say("not-translated", manifest=manifest, what=what, table=table)


def rewrite_records(path: Path, updates: Iterable[_Update]) -> None:
    """Write each of `updates` into the topic.toml at `path`: the values of a record that has
    exactly the fields wanted change in place (its layout and comments kept), any other record
    is replaced, and a missing one is added as one line after the last key of its table (before
    any comment that follows: it may head the next table). tomlkit keeps the rest of the file
    byte for byte; the result is read back before it is written, and must read as the file did
    but for its records. Raises RecordError (nothing written), OSError, UnicodeDecodeError."""
    import tomlkit  # only a maintainer's refresh needs it
    from tomlkit.exceptions import TOMLKitError

    text = path.read_bytes().decode("utf-8")
    updates = list(updates)
    try:
        document = tomlkit.parse(text)
        for update in updates:
            table = _translation_table(document, update)
            record = table.get(RECORD)
            if isinstance(record, MutableMapping) and set(record) == set(update.record):
                for name, value in update.record.items():
                    if record[name] != value:
                        record[name] = value
                continue
            fresh = tomlkit.inline_table()
            fresh.update(update.record)
            last = _last_value_key(table) if record is None else None
            if last is None:
                table[RECORD] = fresh
            else:  # tomlkit would append after trailing comments; no public call does this
                table.value._insert_after(last, RECORD, fresh)
        rewritten = document.as_string()
    except (TOMLKitError, KeyError, StopIteration, TypeError, ValueError) as error:
        raise RecordError(f"tomlkit: {error!r}") from error
    before, after = parse_toml(text), parse_toml(rewritten)
    wanted = {(update.kata, update.language): update.record for update in updates}
    if before is None or after is None or _without_records(before) != _without_records(after):
        raise RecordError("the file would read differently")
    if _records(after, wanted) != wanted:
        raise RecordError("the records would read differently")
    path.write_bytes(rewritten.encode("utf-8"))


def _translation_table(document: MutableMapping[str, Any], update: _Update) -> Any:
    owner: Any = document
    if update.kata is not None:
        entries = document.get(KATAS, [])
        owner = next(entry for entry in entries if entry.get("id") == update.kata)
    return owner[update.language]


def _last_value_key(table: Any) -> Any:
    """The key of the last value of `table`, a tomlkit table of its own (`[katas.zh]`), that is
    no table itself; None for an inline table or one with no such value."""
    from tomlkit.items import AoT, Table

    if not isinstance(table, Table):
        return None
    keys = [key for key, item in table.value.body if key is not None]
    values = [key for key in keys if not isinstance(table.value.item(key), (Table, AoT))]
    return values[-1] if values else None


def _without_records(data: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for owner in (data, *data.get(KATAS, [])):
        for language in _translated_in(owner):
            table = owner.get(language) if isinstance(owner, dict) else None
            if isinstance(table, dict):
                table.pop(RECORD, None)
    return data


def _records(
    data: dict[str, Any], wanted: dict[tuple[str | None, str], dict[str, str]]
) -> dict[tuple[str | None, str], Any]:
    entries = {entry.get("id"): entry for entry in data.get(KATAS, []) if isinstance(entry, dict)}
    found = {}
    for kata, language in wanted:
        owner = data if kata is None else entries.get(kata, {})
        found[kata, language] = owner.get(language, {}).get(RECORD)
    return found


def define(command: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    """`pytest-katas translations [--check | --refresh] [--translation LANGUAGE] [--root DIR]
    [NAME …]`: adds its arguments to `command`; returns what runs it."""
    command.description = say("description")
    command.add_argument("names", metavar="NAME", nargs="*", help=say("help-names"))
    mode = command.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help=say("help-check"))
    mode.add_argument("--refresh", action="store_true", help=say("help-refresh"))
    command.add_argument(
        "--translation",
        metavar="LANGUAGE",
        help=say("help-translation"),
    )
    command.add_argument("--root", metavar="DIR", type=Path, help=say("help-root"))
    return partial(run, command=command)


def run(options: argparse.Namespace, command: argparse.ArgumentParser) -> int:
    """List what is stale (`stale_translations`), one line each, then how many: exit status 1
    if any, else 0; or with `options.refresh`, record the English (`refresh`), one line per file
    written: exit status 1 if something could not be done (said on stderr), else 0. No kata tree:
    one line on stderr, exit status 1. A NAME that is no kata's id nor topic's folder: a usage
    error (exit status 2, SystemExit)."""
    if options.root is None:
        start, root = Path.cwd(), find_tree_root([Path.cwd()], KATAS)
    else:  # named: that folder or none, not one above it
        start = options.root
        root = start.resolve() if (start / KATAS / CURRICULUM_FILE).is_file() else None
    if root is None:
        message = say("no-tree", folder=start, katas=KATAS, curriculum=CURRICULUM_FILE)
        print(f"{COMMAND}: {message}", file=sys.stderr)
        return 1
    catalog = Catalog.load(root, root / KATAS)
    known = {topic.name for topic in catalog.topics} | {kata.id for kata in catalog.katas}
    for name in options.names:
        if name not in known:
            command.error(say("unknown-name", katas=catalog.display(catalog.katas_dir), name=name))
    languages = None if options.translation is None else (options.translation,)
    names = frozenset(options.names)
    if not options.refresh:
        stale = stale_translations(catalog, languages, names)
        for found in stale:
            print(found)
        print(say("to-check", count=len(stale)) if stale else say("all-current"))
        return 1 if stale else 0
    written, problems = refresh(catalog, languages, names)
    for path, count in written.items():
        print(say("refreshed", manifest=catalog.display(path), count=count))
    if not written and not problems:
        print(say("nothing-to-refresh"))
    for problem in problems:
        print(f"{COMMAND}: {problem}", file=sys.stderr)
    return 1 if problems else 0
