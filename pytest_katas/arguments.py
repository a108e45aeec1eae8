"""Command-line parsing shared by `pytest-katas` (cli.py) and its old name `katas-report`
(html_report.py): usage errors in one line, the version line, and the language to speak in before
the arguments are parsed (their help is translated too).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import NoReturn

from pytest_katas import __version__
from pytest_katas.i18n import (
    LANGUAGES,
    N_,
    Messages,
    choose_language,
    current_language,
    set_language,
)

USAGE_ERROR = 2
"""The exit status of a usage error, as argparse gives it."""

say = Messages(
    {
        "see-help": N_("{prog}: error: {message} (see {prog} --help)"),
        "help-version": N_("print the version of pytest-katas and exit"),
        "help-lang": N_("the language of its messages: {languages} (default: the locale's)"),
        "bad-lang": N_("{value!r} is not a language of pytest-katas; use one of {languages}"),
    }
)


def version_line() -> str:
    """`pytest-katas X.Y.Z`: what `--version` prints. The version is `pytest_katas.__version__`,
    the one place it is written (pyproject.toml reads it from there)."""
    return f"pytest-katas {__version__}"


def add_version(command: argparse.ArgumentParser) -> None:
    """Give `command` a `--version` option that prints `version_line()` and exits 0."""
    command.add_argument(
        "--version", action="version", version=version_line(), help=say("help-version")
    )


class CommandLine(argparse.ArgumentParser):
    """An argparse parser whose usage errors are one line on stderr, naming the program and
    pointing at its `--help`, with exit status 2 (argparse prints the whole usage first).
    Its subcommands' parsers are of this class too (argparse makes them of the parent's class)."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, say("see-help", prog=self.prog, message=message) + "\n")


def language_asked(argv: Sequence[str]) -> tuple[str, bool]:
    """The language of `--lang` wherever it is in `argv` (and True), else the one the environment
    asks for (`i18n.choose_language`, and False); a `--lang` that is not a language is left to
    the parser to refuse."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _ = early.parse_known_args(argv)
    try:
        return choose_language(known.lang), bool(known.lang)
    except ValueError:
        return choose_language(None), False


def add_language(command: argparse.ArgumentParser) -> None:
    """Give `command` a `--lang LANGUAGE` option (the language is read before parsing, by
    `speaking`; this lets the parser accept it, and refuse a language not spoken)."""
    command.add_argument(
        "--lang",
        metavar="LANGUAGE",
        type=language_of,
        default=argparse.SUPPRESS,
        help=say("help-lang", languages=", ".join(LANGUAGES)),
    )


def language_of(value: str) -> str:
    """`--lang`'s value as a language spoken (`i18n.choose_language`). Raises
    argparse.ArgumentTypeError, naming the languages spoken, for any other."""
    try:
        return choose_language(value)
    except ValueError:
        message = say("bad-lang", value=value, languages=", ".join(LANGUAGES))
        raise argparse.ArgumentTypeError(message) from None


@contextmanager
def speaking(argv: Sequence[str]) -> Iterator[None]:
    """Speak the language `argv` asks for (`language_asked`) inside the block, and the one spoken
    before it afterwards (a test calls the command in-process)."""
    previous = current_language()
    language, typed = language_asked(argv)
    set_language(language, typed=typed)
    try:
        yield
    finally:
        set_language(previous)


def arguments_of(argv: Sequence[str] | None) -> list[str]:
    """The command's arguments: `argv`, else the process's (`sys.argv` after the program)."""
    return list(sys.argv[1:] if argv is None else argv)
