"""The language the plugin speaks, and its messages in every language it speaks.

The language comes from `--lang`, else the `PYTEST_KATAS_LANG` environment variable, else the
locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. Each module keeps its messages beside the
code that prints them, in a `Messages` table with every message in every language:

    say = Messages({
        "hint-left": {"en": "{count} more hints left", "zh": "还剩 {count} 条提示"},
    })
    writer.line(say("hint-left", count=2))

A command the learner is to type starts with `{pytest}` or `{pytest_katas}`, filled in with how
this installation is started from their shell (`shell.py`): `pytest`, or a full path.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from pytest_katas.shell import COMMANDS

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
ENVIRONMENT_VARIABLE = "PYTEST_KATAS_LANG"

_current = DEFAULT_LANGUAGE
TABLES: list[Messages] = []
"""Every message table, so that a test can check that each message exists in every language."""


def normalise(value: str) -> str | None:
    """`zh_CN.UTF-8`, `zh-Hans`, `ZH` → `zh`; `en_GB` → `en`; anything else → None."""
    code = value.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def choose_language(option: str | None, environ: Mapping[str, str] | None = None) -> str:
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


def set_language(language: str) -> None:
    global _current
    _current = language


def current_language() -> str:
    return _current


class Messages:
    """A module's messages: `say(key, **values)` gives one in the current language."""

    def __init__(self, table: dict[str, dict[str, str]]) -> None:
        self.table = table
        TABLES.append(self)

    def __call__(self, key: str, **values: object) -> str:
        texts = self.table[key]
        template = texts.get(_current) or texts[DEFAULT_LANGUAGE]
        if "{pytest" in template:
            # a command to type: as this installation is started from the learner's shell
            for name, command in COMMANDS.items():
                values.setdefault(name, command())
        return template.format(**values)

    def missing(self) -> list[str]:
        """Messages not written in every language, as `key (language)`."""
        return [
            f"{key} ({language})"
            for key, texts in self.table.items()
            for language in LANGUAGES
            if not texts.get(language)
        ]
