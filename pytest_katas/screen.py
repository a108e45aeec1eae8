"""What fits the learner's screen: text measured in terminal columns, wrapped or shortened to the
terminal's width, and plain mode for screen readers and dumb terminals.

Widths follow Unicode's East Asian Width property (UAX #11): wide and fullwidth characters (Chinese,
fullwidth punctuation) take two columns, combining marks none, everything else one. Chinese has no
spaces between words, so a line of it may break between any two wide characters, except before
closing punctuation (`，。、；：！？）」`), which stays with the character before it.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata

import pytest
from _pytest._io import TerminalWriter

from pytest_katas.shell import COMMANDS

ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
"""An SGR escape sequence (colour, bold): it takes no columns."""
CODE_LINE = re.compile(r"^(\s*(?:->)?\s*\d+ \| )(.*)$")
"""A line of a kata's source as the failure explanations quote it: `  -> 54 |     assert ...`."""
STAYS_WITH_PREVIOUS = set("，。、；：！？）」』》】,.;:!?)")
MINIMUM_WIDTH = 60
"""The narrowest terminal the report is laid out for; a narrower one gets 60-column lines."""
PLAIN_ENVIRONMENT_VARIABLE = "PYTEST_KATAS_PLAIN"
BARS = "█░"
PLAIN = pytest.StashKey[bool]()
"""Set on the config when the report is plain (see `wants_plain`)."""


def is_plain(config: pytest.Config) -> bool:
    return config.stash.get(PLAIN, False)


def width(text: str) -> int:
    """How many terminal columns `text` takes (escape sequences take none)."""
    return sum(_char_width(char) for char in ESCAPE.sub("", text))


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _tokens(text: str) -> list[str]:
    """Words, spaces, and single wide characters (each a place the line may break)."""
    tokens: list[str] = []
    for piece in re.findall(r"\s+|[^\s]+", text):
        if piece.isspace():
            tokens.append(" ")
            continue
        current = ""
        for char in piece:
            wide = _char_width(char) == 2
            if char in STAYS_WITH_PREVIOUS:
                current += char
            elif wide:
                if current:
                    tokens.append(current)
                current = char
            else:
                if current and _char_width(current[-1]) == 2 and current[-1] not in "（「『《【(":
                    tokens.append(current)
                    current = ""
                current += char
        if current:
            tokens.append(current)
    return tokens


KEPT_TOGETHER = "\x00"
"""Stands for a space inside a command while a paragraph is wrapped (see `_commands_kept_whole`)."""
ARGUMENT = re.compile(
    r"-{1,2}[A-Za-z][\w-]*(?:=\S*)?"  # an option
    r"|\S*/\S*|\S*\.py|\.{1,2}"  # a path: katas/x.py, katas/, ., ..
    r"|[A-Z][A-Z_]{2,}"  # a metavariable: KATA_PATH
    r"|update|init|[a-z][a-z-]*-workspace"  # pytest-katas's subcommands, init's example folder
)
OPTION_VALUE = re.compile(r"\d+|[a-z]{2}")
"""What follows an option as its value: `-n 2`, `--lang zh`."""
AFTER_COMMAND = "，。、；：！？）」,.;:!?)"
"""Punctuation that may follow a command's last word in a sentence."""


def _commands_kept_whole(text: str) -> str:
    """`text` with the spaces inside each command it gives (`pytest --hint katas/x.py`, started
    as `shell.py` says) made `KEPT_TOGETHER`, so that a line never breaks inside one: a command
    broken over two lines does not work when it is copied. A command is its start, then each word
    that reads as an argument (an option and its value, a path, a metavariable, a subcommand)."""
    starts = sorted(
        {"pytest", "pytest-katas", *(command() for command in COMMANDS.values())},
        key=len,
        reverse=True,
    )
    words = text.split(" ")
    joined: list[str] = []
    index = 0
    while index < len(words):
        start = next((start for start in starts if _starts_at(words, index, start)), None)
        if start is None:
            joined.append(words[index])
            index += 1
            continue
        command = [words[index], *start.split(" ")[1:]]  # the first keeps what is glued before it
        index += len(command)
        while index < len(words):
            word = words[index]
            bare = word.rstrip(AFTER_COMMAND) or word
            before_option = index + 1 < len(words) and words[index + 1].startswith("-")
            if not (
                ARGUMENT.fullmatch(bare)
                or (command[-1].startswith("-") and OPTION_VALUE.fullmatch(bare))
                or (before_option and re.fullmatch(r"[\w.-]+", bare))  # `katas -v`
            ):
                break
            command.append(word)
            index += 1
            if bare != word:  # a sentence goes on after it
                break
        joined.append(KEPT_TOGETHER.join(command))
    return " ".join(joined)


def _starts_at(words: list[str], index: int, start: str) -> bool:
    """Whether the command `start` begins at `words[index]`, the word perhaps glued to what
    comes before it (`(pytest`, `：pytest`), and an argument follows it."""
    first, *others = start.split(" ")
    word = words[index]
    if not word.endswith(first) or index + len(others) + 1 >= len(words):
        return False
    glued = word[: -len(first)]
    if glued and re.match(r"[\w/.~-]", glued[-1]):  # part of another word: `mypytest`
        return False
    return words[index + 1 : index + 1 + len(others)] == others


def wrap(text: str, columns: int, *, indent: str = "", subsequent: str | None = None) -> list[str]:
    """`text` (one paragraph) as lines of at most `columns` columns, broken between words (and
    between Chinese characters), never inside a command (`pytest --reset katas/x.py`) unless it
    is longer than a whole line. `indent` starts the first line, `subsequent` (default: `indent`)
    the others. A word longer than a whole line is split where it must be."""
    rest = indent if subsequent is None else subsequent
    lines: list[str] = []
    line, prefix = "", indent
    tokens = _tokens(_commands_kept_whole(ESCAPE.sub("", text).strip()))
    tokens.reverse()
    while tokens:
        token = tokens.pop()
        if token == " ":
            if line:
                line += " "
            continue
        room = columns - width(prefix)
        if KEPT_TOGETHER in token:
            if width(token) > columns - width(rest):  # longer than a line: break it after all
                parts = token.split(KEPT_TOGETHER)
                tokens.extend(reversed([part for word in parts for part in (word, " ")][:-1]))
                continue
            token = token.replace(KEPT_TOGETHER, " ")
        if width(line) + width(token) <= room:
            line += token
            continue
        if line.strip():
            lines.append(prefix + line.rstrip())
            line, prefix = "", rest
            room = columns - width(prefix)
        while width(token) > room:
            head = _cut_to(token, room)
            lines.append(prefix + head)
            token, prefix = token[len(head) :], rest
            room = columns - width(prefix)
        line = token
    if line.strip() or not lines:
        lines.append(prefix + line.rstrip())
    return lines


def paragraph(
    writer: TerminalWriter,
    text: str,
    *,
    indent: str = "",
    subsequent: str | None = None,
    **markup: bool,
) -> None:
    """Write `text` to `writer` wrapped to the terminal's width (pytest's `fullwidth`, which
    follows COLUMNS; at least `MINIMUM_WIDTH`), for output outside the report: `--hint`,
    `--solution`, watch mode."""
    columns = max(writer.fullwidth, MINIMUM_WIDTH)
    for line in wrap(text, columns, indent=indent, subsequent=subsequent):
        writer.line(line, **markup)


def warning(writer: TerminalWriter, text: str) -> None:
    """`text` as a warning (`! …`, yellow, wrapped under itself), outside the report."""
    paragraph(writer, text, indent="! ", subsequent="  ", yellow=True)


def _cut_to(text: str, columns: int) -> str:
    """The longest start of `text` that takes at most `columns` columns (at least one char)."""
    taken, used = "", 0
    for char in text:
        if used + _char_width(char) > columns and taken:
            break
        taken += char
        used += _char_width(char)
    return taken


def shorten(text: str, columns: int) -> str:
    """`text` cut to `columns` columns, ending with `…` (`...` where the output cannot show it)
    where it was cut."""
    if width(text) <= columns:
        return text
    mark = "…" if can_show("…") else "..."
    return _cut_to(text, max(columns - len(mark), 1)) + mark


def shorten_start(text: str, columns: int) -> str:
    """`text` cut from the start to `columns` columns, beginning with `…` where it was cut (a path
    keeps its file name)."""
    if width(text) <= columns:
        return text
    mark = "…" if can_show("…") else "..."
    tail = _cut_to(text[::-1], max(columns - len(mark), 1))[::-1]
    return mark + tail


def fit(text: str, columns: int) -> list[str]:
    """Each line of a block of text (a failure's explanation) within `columns`: prose is wrapped
    between words, a quoted source line is continued under its own gutter (`   | `), so nothing is
    lost and the line numbers stay in their column."""
    lines: list[str] = []
    for line in text.splitlines():
        plain = ESCAPE.sub("", line)
        if width(plain) <= columns:
            lines.append(line)
            continue
        code = CODE_LINE.match(plain)
        if code is not None:
            gutter = code.group(1)
            continuation = " " * (len(gutter) - 2) + "| "
            body = code.group(2)
            first = True
            while body or first:
                prefix = gutter if first else continuation
                room = max(columns - width(prefix), 10)
                head = _cut_to(body, room)
                space = head.rfind(" ")
                if len(head) < len(body) and space > len(head) // 2:
                    head = head[: space + 1]  # break between words where it can
                lines.append(prefix + head.rstrip())
                body, first = body[len(head) :], False
            continue
        indent = plain[: len(plain) - len(plain.lstrip())]
        lines.extend(wrap(plain, columns, indent=indent, subsequent=indent + "  "))
    return lines


def columns_of(config: pytest.Config) -> int:
    """The width the learner's report is laid out for: the terminal's, at least 60 columns."""
    return max(config.get_terminal_writer().fullwidth, MINIMUM_WIDTH)


def can_show(text: str, stream: object = None) -> bool:
    """Whether the output stream's encoding can show `text` (block characters, Chinese)."""
    encoding = getattr(stream if stream is not None else sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def wants_plain(option: bool, environ: dict[str, str] | None = None) -> bool:
    """Whether to print the report in plain mode: `--plain`, the `PYTEST_KATAS_PLAIN` variable set
    to anything but 0/empty, `TERM=dumb`, or an output encoding that cannot show the bars
    (`LANG=C` on an old system: ASCII)."""
    environ = dict(os.environ) if environ is None else environ
    if option:
        return True
    if environ.get(PLAIN_ENVIRONMENT_VARIABLE, "") not in ("", "0"):
        return True
    return environ.get("TERM") == "dumb" or not can_show(BARS)
