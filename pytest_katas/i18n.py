"""The language the plugin speaks, and its messages in every language it speaks (gettext).

The language comes from `--lang`, else the `PYTEST_KATAS_LANG` environment variable, else the
locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. Each module keeps its messages beside the
code that prints them, in a `Messages` table of English source strings, each marked with `N_`
(gettext's deferred translation) or `N_plural` so that Babel extracts them:

    say = Messages({
        "hint-left": N_plural("1 more hint left", "{count} more hints left"),
        "done": N_("Done: {path}"),
    })
    writer.line(say("hint-left", count=2))

The translations are gettext catalogs in `locale/<language>/LC_MESSAGES/pytest_katas.po`,
compiled to `.mo` beside them (both ship in the package). Adding a language is adding a catalog:
`nox -s messages` extracts the English (`locale/pytest_katas.pot`), updates every catalog (a
changed English string's translation turns fuzzy) and compiles them; tests/test_languages.py
fails while a catalog has a missing, fuzzy or obsolete entry, or a stale `.mo`.

A command the learner is to type starts with `{pytest}` or `{pytest_katas}`, filled in with how
this installation is started from their shell (`shell.py`): `pytest`, or a full path.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from pytest_katas.shell import COMMANDS

DOMAIN = "pytest_katas"
LOCALE_DIR = Path(__file__).with_name("locale")
DEFAULT_LANGUAGE = "en"
ENVIRONMENT_VARIABLE = "PYTEST_KATAS_LANG"


def _catalog_languages() -> tuple[str, ...]:
    try:
        folders = sorted(LOCALE_DIR.iterdir())
    except OSError:
        return ()
    return tuple(
        folder.name for folder in folders if (folder / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
    )


LANGUAGES = (DEFAULT_LANGUAGE, *_catalog_languages())
"""Every language spoken: English, the source, and each language with a compiled catalog."""

_current = DEFAULT_LANGUAGE
TABLES: list[Messages] = []
"""Every message table, so that a test can check that Babel extracts each of their entries."""

Source = str | tuple[str, str]
"""A message's English: one string, or its singular and plural forms (`N_plural`)."""


def N_(message: str) -> str:
    """Mark `message` (English) for translation when it is said; returns it unchanged."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message whose form depends on `count` (gettext's ngettext): English singular and
    plural; the catalog gives as many forms as the language has."""
    return singular, plural


def normalise(value: str) -> str | None:
    """`zh_CN.UTF-8`, `zh-Hans`, `ZH` → `zh`; `en_GB` → `en`; anything else → None."""
    code = value.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def choose_language(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language of the run (see the module's docstring). Raises ValueError for an `option`
    that is not a language spoken (`LANGUAGES`)."""
    environ = os.environ if environ is None else environ
    if option:
        chosen = normalise(option)
        if chosen is None:
            raise ValueError(option)
        return chosen
    for name in (ENVIRONMENT_VARIABLE, "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value and value not in ("C", "POSIX"):
            chosen = normalise(value)
            if chosen is not None or name != ENVIRONMENT_VARIABLE:
                return chosen or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


_typed = False
"""Whether the language was typed on the command line (`--lang`), so that the commands a message
prints name it too: the learner who typed `--lang zh` gets `pytest --lang zh --hint …`."""


def set_language(language: str, *, typed: bool = False) -> None:
    """Speak `language` from now on; `typed`: it was given with `--lang` (see `command_line`)."""
    global _current, _typed
    _current, _typed = language, typed


def current_language() -> str:
    return _current


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of `language` (read once per process); English, or a language
    without a catalog, says the source strings."""
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def command_line(name: str) -> str:
    """How the learner starts `name` (`pytest` or `pytest_katas`, see `shell.COMMANDS`) from
    their shell, with `--lang` when they typed it for this run."""
    started = COMMANDS[name]()
    return f"{started} --lang {_current}" if _typed else started


class Messages:
    """A module's messages: `say(key, **values)` gives one in the current language, its
    placeholders filled (`str.format`); a plural message (`N_plural`) takes its form from
    `values["count"]`. Raises KeyError for a key not in the table."""

    def __init__(self, table: dict[str, Source]) -> None:
        self.table = table
        TABLES.append(self)

    def __call__(self, key: str, **values: object) -> str:
        source = self.table[key]
        catalog = translations(_current)
        if isinstance(source, tuple):
            count = values["count"]
            assert isinstance(count, int)
            template = catalog.ngettext(source[0], source[1], count)
        else:
            template = catalog.gettext(source)
        if "{pytest" in template:
            # a command to type: as this installation is started from the learner's shell
            for name in COMMANDS:
                values.setdefault(name, command_line(name))
        return template.format(**values)
