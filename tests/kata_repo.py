"""A small kata repository, built in pytester's folder for each test."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pytest_katas.catalog import Catalog, Kata
from pytest_katas.shipped import RECORD_VARIABLE, record_katas

ADDING_KATA = '''\
"""One plus one is two."""

from pytest_katas import __


def test_one_plus_one():
    assert 1 + 1 == __


def test_two_plus_two():
    answer = __
    assert 2 + 2 == answer
'''

COUNTING_KATA = '''\
"""A generator yields its values one at a time."""

from pytest_katas import __


def count_up_to(n):
    """Yield 1, 2, ..., n."""
    __


def test_counts_up():
    assert list(count_up_to(3)) == [1, 2, 3]
'''

STRINGS_KATA = '''\
"""Strings multiply."""

from pytest_katas import __


def test_repeat():
    assert "ab" * 2 == __
'''

SOLUTIONS = {
    "basics/test_adding.py": ADDING_KATA.replace("== __", "== 2").replace("= __", "= 4"),
    "basics/test_counting.py": COUNTING_KATA.replace(
        '    """Yield 1, 2, ..., n."""\n    __',
        '    """Yield 1, 2, ..., n."""\n    yield from range(1, n + 1)',
    ),
    "more/test_strings.py": STRINGS_KATA.replace("== __", '== "abab"'),
}

# Each translation records the English it translates (`translates`: pytest_katas/translations.py),
# as `pytest-katas translations --refresh` writes it, so that `pytest solutions/` passes.
BASICS_TOPIC = """\
title = "Basics"

[zh]
title = "基础"
translates = {title = "8fdd2ee8"}

[[katas]]
id = "adding"
file = "test_adding.py"
title = "Adding numbers"
hints = ["Count on your fingers.", "The first answer is 2."]

[katas.zh]
title = "加法"
lesson = "一加一等于二。"
hints = ["数数手指。", "第一个答案是 2。"]
translates = {title = "26bcc3b4", lesson = "64309926", hints = "3602b51b"}

[[katas]]
id = "counting"
file = "test_counting.py"
title = "Counting with a generator"
hints = ["A generator function has yield in it.", "yield from range(...)", "range(1, n + 1)"]

[katas.zh]
title = "用生成器计数"
lesson = "生成器一次产出一个值。"
hints = ["生成器函数里有 yield。", "yield from range(...)", "range(1, n + 1)"]
translates = {title = "f7576193", lesson = "b9d524c2", hints = "cdd8b4ec"}
"""

MORE_TOPIC = """\
title = "More"

[zh]
title = "更多"
translates = {title = "d47d7cb0"}

[[katas]]
id = "strings"
file = "test_strings.py"
title = "Multiplying strings"
hints = ["Repetition.", "Twice ab."]

[katas.zh]
title = "字符串乘法"
lesson = "字符串可以相乘。"
hints = ["重复。", "两次 ab。"]
translates = {title = "5e532706", lesson = "19e3f6f5", hints = "2677a28a"}
"""


def make_kata(path: Path, kata_id: str = "adding", hints: tuple[str, ...] = ()) -> Kata:
    """A kata of the topic basics at `path`, as the catalog makes one (for direct tests)."""
    return Kata(
        id=kata_id,
        title=kata_id,
        hints=hints,
        topic="basics",
        path=path,
        display=f"katas/basics/{path.name}",
        relpath=f"basics/{path.name}",
        order=1,
        manifest="katas/basics/topic.toml",
    )


def kata_with_steps(
    folder: Path,
    kata_id: str = "adding",
    steps: tuple[str, ...] = ("a", "b"),
    hints: tuple[str, ...] = (),
) -> Kata:
    """`make_kata` with a module written in `folder` whose steps `test_<step>` all pass."""
    path = folder / f"test_{kata_id.replace('-', '_')}.py"
    path.write_text("".join(f"def test_{step}():\n    pass\n\n" for step in steps), "utf-8")
    return make_kata(path, kata_id, hints)


class KataRepo:
    """A kata repository in pytester's folder: two topics, three katas, their solutions."""

    def __init__(self, pytester: pytest.Pytester) -> None:
        self.pytester = pytester
        self.root = pytester.path
        self.write(
            "pyproject.toml",
            """
            [tool.pytest.ini_options]
            testpaths = ["solutions"]
            addopts = ["--import-mode=importlib"]
            """,
        )
        self.write("katas/curriculum.toml", 'topics = ["basics", "more"]\ntranslations = ["zh"]\n')
        self.write("katas/basics/topic.toml", BASICS_TOPIC)
        self.write("katas/more/topic.toml", MORE_TOPIC)
        self.write("katas/basics/test_adding.py", ADDING_KATA)
        self.write("katas/basics/test_counting.py", COUNTING_KATA)
        self.write("katas/more/test_strings.py", STRINGS_KATA)
        for path, source in SOLUTIONS.items():
            self.write(f"solutions/{path}", source)
        # as a pack's maintainer does (kata-format.md): the katas as shipped, in the tree
        self.record_tree()

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if text.startswith("\n"):
            text = textwrap.dedent(text).lstrip("\n")
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def solve(self, kata: str) -> None:
        """Make the learner's kata the same as its solution."""
        self.write(f"katas/{kata}", SOLUTIONS[kata])

    def record_tree(self) -> None:
        """Record the katas as they are now in the tree's own record (`katas-shipped.json`, as
        `python -m pytest_katas.shipped` does for a pack): a test that changes a kata as its
        maintainer would calls it again."""
        record_katas(Catalog.load(self.root, self.root / "katas"))

    def record_as_shipped(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Record the katas as they are now as the katas as shipped (see `pytest_katas.shipped`),
        so that a learner's run can tell an untouched kata from a changed one."""
        record = self.root / "shipped.json"
        monkeypatch.setenv(RECORD_VARIABLE, str(record))
        record_katas(Catalog.load(self.root, self.root / "katas"))

    def run(self, *args: str) -> pytest.RunResult:
        return self.pytester.runpytest(*args)

    def progress_file(self) -> Path:
        return self.root / "katas-progress.json"
