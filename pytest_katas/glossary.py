"""The glossary of the katas' terms (docs/glossary.md), and the Chinese texts that stray from it.

The glossary is a Markdown table: English, the Chinese the katas use, and the translations they do
not use (comma-separated). `pytest solutions/` names every Chinese title, lesson or hint that uses
one of the latter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

GLOSSARY = Path("docs", "glossary.md")


@dataclass(frozen=True)
class Term:
    english: str
    chinese: str
    avoided: tuple[str, ...]


def load_glossary(root: Path) -> list[Term]:
    """The terms of `root`/docs/glossary.md ([] when there is none). Raises nothing."""
    try:
        text = (root / GLOSSARY).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    terms = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not line.lstrip().startswith("|") or set(cells[0]) <= {"-"}:
            continue
        english, chinese, avoided = cells
        if english == "English":
            continue
        words = tuple(word.strip() for word in avoided.split(",") if word.strip())
        terms.append(Term(english, chinese, words))
    return terms


def strays(text: str, terms: list[Term]) -> list[str]:
    """Each avoided translation in `text`, as `avoided → chinese (english)`."""
    return [
        f"{word} → {term.chinese} ({term.english})"
        for term in terms
        for word in term.avoided
        if word in text
    ]
