"""Direct tests of `pytest_katas.atomic` (in mutmut's selection: `nox -s mutants`)."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from pytest_katas.atomic import write_text_atomically


def test_the_text_is_written_in_utf8_with_missing_folders_made(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "report.json"
    write_text_atomically(path, "é\n")
    assert path.read_bytes() == "é\n".encode()
    assert sorted(p.name for p in path.parent.iterdir()) == ["report.json"]


def test_the_file_is_readable_by_others_as_the_umask_allows(tmp_path: Path) -> None:
    before = os.umask(0o027)
    try:
        write_text_atomically(tmp_path / "state.json", "{}")
    finally:
        os.umask(before)
    assert (tmp_path / "state.json").stat().st_mode & 0o777 == 0o640


def test_a_file_where_the_folder_should_be_is_named_as_not_a_directory(tmp_path: Path) -> None:
    (tmp_path / "reports").write_text("mine", encoding="utf-8")
    with pytest.raises(NotADirectoryError) as raised:
        write_text_atomically(tmp_path / "reports" / "report.json", "{}")
    assert raised.value.errno == errno.ENOTDIR
    assert raised.value.strerror == os.strerror(errno.ENOTDIR)
    assert raised.value.filename == str(tmp_path / "reports")
    assert raised.value.__suppress_context__  # not "File exists" behind it


def test_the_temporary_file_is_hidden_beside_it_and_removed_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replaced: list[str] = []

    def refuse(source: str, target: object) -> None:
        replaced.append(os.path.basename(source))
        raise PermissionError(errno.EACCES, "refused")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_text_atomically(tmp_path / "state.json", "{}")
    (name,) = replaced
    assert re.fullmatch(r"\.state\.json\..+\.tmp", name)  # hidden, and ignored as *.tmp
    assert list(tmp_path.iterdir()) == []
