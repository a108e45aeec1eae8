"""pathlib mirrors os.path, but `resolve()` follows symlinks and `mkdir()` needs its two flags.

Cheat sheets pair `os.path.join(base, f"{name}.txt")` with `Path(base) / f"{name}.txt"`,
`os.path.abspath(__file__)` with `Path(__file__).resolve()`, and `os.makedirs(p, exist_ok=True)`
with `Path(p).mkdir(parents=True, exist_ok=True)`, as if each pair were the same call. They are not
exact twins: `os.path` takes and returns strings, pathlib works with `Path` objects; `abspath` only
makes a path absolute and tidies `..`, without looking at the disk, while `resolve` also follows
symbolic links, like `os.path.realpath`; and a bare `mkdir()` fails where
`makedirs(p, exist_ok=True)` would not. What both share is the joining rule: an absolute part throws
away everything joined before it.
"""

import os
from pathlib import Path

import pytest

from pytest_katas import __


def test_the_type_os_path_join_returns_for_a_path(tmp_path):
    joined = os.path.join(tmp_path / "data", "report.txt")
    assert Path(joined) == tmp_path / "data" / "report.txt"
    assert type(joined) is __


def test_an_absolute_part_replaces_everything_before_it():
    assert os.path.join("data", "/srv/report.txt") == __
    assert Path("data") / "/srv/report.txt" == __


def test_abspath_keeps_a_symlink_and_resolve_follows_it(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    module_file = tmp_path / "link" / "config.py"
    module_file.write_text("")
    assert Path(os.path.abspath(module_file)) == __
    assert module_file.resolve() == __


def test_mkdir_without_parents_fails_when_a_parent_is_missing(tmp_path):
    target = tmp_path / "out" / "2024"
    with pytest.raises(OSError) as excinfo:
        target.mkdir()
    assert excinfo.type is __


def test_mkdir_without_exist_ok_fails_when_the_folder_exists(tmp_path):
    target = tmp_path / "out" / "2024"
    os.makedirs(target, exist_ok=True)
    target.mkdir(parents=True, exist_ok=True)  # the pathlib twin: fine, nothing to do
    with pytest.raises(OSError) as excinfo:
        target.mkdir(parents=True)
    assert excinfo.type is __
