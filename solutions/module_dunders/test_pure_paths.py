"""`Path` follows the running system's path rules; `PurePosixPath`, `PureWindowsPath` work anywhere.

Cheat sheets say that `Path("foo") / "bar.txt"` picks the right separator for you. It does, but only
for the running system: `Path(...)` makes a `PosixPath` on Linux and macOS and a `WindowsPath` on
Windows, just as `os.sep` is that system's separator and `os.path` is its path module (`posixpath`
or `ntpath`). For a path of the *other* system (one read from a config file or an archive listing,
say), use the pure classes: they never touch the disk and behave the same on every system, as do
the modules `posixpath` and `ntpath`. A Windows path takes both `\\` and `/` as separators and is
written back with `\\`; it may start with a drive (`C:`) and a root (`\\`), which together make its
anchor. In a POSIX path only `/` separates, and a backslash is an ordinary character of a name.
Joining follows each system's rule: a part with a root replaces everything before it, except that
on Windows the drive stays unless the part brings a drive of its own.
"""

import ntpath
import os
import posixpath
from pathlib import Path, PurePosixPath, PureWindowsPath

from pytest_katas import __


def test_the_parts_of_a_windows_path():
    path = PureWindowsPath("C:\\Users\\ana/notes\\todo.txt")
    assert path.parts == ("C:\\", "Users", "ana", "notes", "todo.txt")


def test_the_parts_of_a_posix_path_with_a_backslash():
    path = PurePosixPath("data\\reports/may.txt")
    assert path.parts == ("data\\reports", "may.txt")


def test_how_each_flavour_writes_a_path():
    written = [
        str(PureWindowsPath("data/reports") / "may.txt"),
        str(PurePosixPath("data") / "may.txt"),
    ]
    assert written == ["data\\reports\\may.txt", "data/may.txt"]


def test_drive_root_and_anchor():
    windows = PureWindowsPath("C:/Users/ana")
    posix = PurePosixPath("/home/ana")
    assert (windows.drive, windows.root, windows.anchor) == ("C:", "\\", "C:\\")
    assert (posix.drive, posix.root, posix.anchor) == ("", "/", "/")


def test_joining_a_rooted_part():
    home = PureWindowsPath("C:/Users/ana")
    joined = [
        str(home / "/temp"),
        str(home / "D:/notes"),
        str(PurePosixPath("/home/ana") / "/temp"),
    ]
    assert joined == ["C:\\temp", "D:\\notes", "/temp"]


def test_path_and_the_path_modules():
    this_system = PureWindowsPath if os.name == "nt" else PurePosixPath
    assert isinstance(Path("data"), this_system)
    joined = [
        os.path.join("data", "may.txt"),
        ntpath.join("data", "may.txt"),
        posixpath.join("data", "may.txt"),
    ]
    assert joined == ["data/may.txt", "data\\may.txt", "data/may.txt"]
