"""The one build step pyproject.toml cannot declare: the curriculum goes into the wheel.

`build_py` writes every file of the repository's katas/ and solutions/ (which MANIFEST.in puts in
the sdist too) into one JSON file of the package, `pytest_katas/curriculum.json`, whose format
`pytest_katas/installed.py` reads. One JSON file rather than .py files: the reference solutions
must not be importable from the installed package or anything written from it. An editable
install writes no bundle: the plugin then reads the repository's folders themselves.
"""

from __future__ import annotations

import json
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
FOLDERS = ("katas", "solutions")
BUNDLE = "curriculum.json"
FORMAT = "pytest-katas-curriculum/1"


def _is_shipped(path: Path) -> bool:
    """Sources and manifests only: no bytecode, no backups, nothing hidden."""
    parts = path.relative_to(HERE).parts
    return (
        path.is_file()
        and not any(part.startswith(".") or part == "__pycache__" for part in parts)
        and path.suffix not in (".pyc", ".bak")
        and ".bak" not in path.suffixes
    )


class BuildWithCurriculum(build_py):
    """build_py, plus `pytest_katas/curriculum.json` from katas/ and solutions/."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False) or not (HERE / "katas").is_dir():
            return
        files = {
            path.relative_to(HERE).as_posix(): path.read_text(encoding="utf-8")
            for folder in FOLDERS
            for path in sorted((HERE / folder).rglob("*"))
            if _is_shipped(path)
        }
        bundle = {"format": FORMAT, "version": self.distribution.get_version(), "files": files}
        target = Path(self.build_lib) / "pytest_katas" / BUNDLE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(bundle, ensure_ascii=False, sort_keys=True), encoding="utf-8")


setup(cmdclass={"build_py": BuildWithCurriculum})
