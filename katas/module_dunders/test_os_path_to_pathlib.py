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


def relative(path, tmp_path):
    """`path` relative to tmp_path, with forward slashes."""
    return Path(path).relative_to(tmp_path).as_posix()


def test_os_path_join_given_a_path():
    joined = os.path.join(Path("data"), "report.txt")
    assert repr(joined) == __


def test_joining_an_absolute_part():
    joined = [os.path.join("data", "/srv/report.txt"), str(Path("data") / "/srv/report.txt")]
    assert joined == __


def test_abspath_and_resolve_through_a_symlink(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    module_file = tmp_path / "link" / "config.py"
    module_file.write_text("")
    found = [os.path.abspath(module_file), module_file.resolve()]
    assert [relative(path, tmp_path) for path in found] == __


def test_mkdir_without_parents_under_a_missing_folder(tmp_path):
    target = tmp_path / "out" / "2024"
    with pytest.raises(OSError) as excinfo:
        target.mkdir()
    assert excinfo.type is __


def test_mkdir_without_exist_ok_on_a_folder_that_is_there(tmp_path):
    target = tmp_path / "out" / "2024"
    os.makedirs(target, exist_ok=True)
    target.mkdir(parents=True, exist_ok=True)  # the pathlib twin: fine, nothing to do
    with pytest.raises(OSError) as excinfo:
        target.mkdir(parents=True)
    assert excinfo.type is __
