"""Where the katas and the solutions are, and whether a run is a learner's or a maintainer's.

The kata tree's root is the folder that holds katas/ (with its curriculum.toml) and solutions/. It
needs no pytest configuration: pytest may be started in any folder of the tree, and the plugin
makes the tree's root pytest's rootdir (`root_at_kata_tree`).

A run is a *learner's* when its paths lie under katas/ (`pytest katas/`, `pytest katas/x.py`, a
bare `pytest` in a topic folder, or at the root of a tree whose pytest configuration sets no
testpaths: `run_katas_when_bare`), and a *maintainer's* when they lie under solutions/ (`pytest
solutions/`, or a bare `pytest` whose testpaths include solutions/, as in this repository). The
plugin stays out of the way of any other run, and of any project without a katas/ folder.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pytest_katas import installed
from pytest_katas.catalog import CURRICULUM_FILE, Kata, display_path, read_source, resolved
from pytest_katas.i18n import N_, Messages
from pytest_katas.workspace.record import shipped_in_workspace

say = Messages(
    {
        "together": N_(
            "{katas}/ and {solutions}/ cannot run together: run the katas "
            "({pytest} {katas}/) and the solutions ({pytest} {solutions}/) separately"
        ),
    }
)


class Mode(enum.Enum):
    LEARNER = "learner"
    MAINTAINER = "maintainer"
    OTHER = "other"


@dataclass(frozen=True)
class Layout:
    root: Path
    katas_dir: Path
    solutions_dir: Path

    @classmethod
    def of(cls, config: pytest.Config) -> Layout | None:
        """The repository's layout, or None when the project has no katas folder."""
        root = config.rootpath.resolve()
        katas_dir = (root / str(config.getini("katas_dir"))).resolve()
        if not katas_dir.is_dir():
            return None
        return cls(root, katas_dir, (root / str(config.getini("solutions_dir"))).resolve())

    def is_kata(self, path: Path) -> bool:
        return _is_within(path, self.katas_dir)

    def is_solution(self, path: Path) -> bool:
        return _is_within(path, self.solutions_dir)

    def solution_of(self, kata_path: Path) -> Path:
        return self.solutions_dir / resolved(kata_path).relative_to(self.katas_dir)

    def kata_of(self, solution_path: Path) -> Path:
        return self.katas_dir / resolved(solution_path).relative_to(self.solutions_dir)

    def reference_of(self, kata: Kata) -> str | None:
        """The source of `kata`'s reference solution: its file in the solutions folder, when the
        tree has that folder (this repository, a pack); else (a learner's workspace, written by
        `pytest-katas init`) the installed curriculum's solution of the kata with the same id and
        path (see `installed.py`). None when there is none, or it cannot be read."""
        if self.solutions_dir.is_dir():
            try:
                return read_source(self.solution_of(kata.path))
            except (OSError, SyntaxError, UnicodeDecodeError, LookupError):
                return None
        curriculum = installed.installed()
        if curriculum is None:
            return None
        workspace = shipped_in_workspace(kata)
        if workspace is not None and workspace.text is not None:
            # upgraded, not yet updated: a kata the new release changed has no reference for
            # the learner's version of it
            path = kata.path.relative_to(self.root).as_posix()
            if curriculum.kata_files.get(path) != workspace.text:
                return None
        return curriculum.solution(kata.id, kata.relpath)

    def display(self, path: Path) -> str:
        return display_path(path, self.root)


def typed_path(path: Path, config: pytest.Config) -> str:
    """`path` as the learner types it where pytest was started (the invocation folder), so
    that every command printed works as printed: `katas/x/test_y.py` from the root,
    `test_y.py` from inside `katas/x/`."""
    here = config.invocation_params.dir
    try:
        return Path(os.path.relpath(path, here)).as_posix()
    except ValueError:  # pragma: no cover - another drive, on Windows
        return str(path)


def _is_within(path: Path, folder: Path) -> bool:
    return path.is_relative_to(folder) or resolved(path).is_relative_to(folder)


def requested_paths(config: pytest.Config) -> list[Path]:
    """The paths a run was asked for: its arguments, or the testpaths of a bare `pytest`."""
    base = config.invocation_params.dir
    return [(base / arg.split("::", 1)[0]).resolve() for arg in config.args]


def user_paths(config: pytest.Config) -> list[Path]:
    """The paths typed on the command line, if any (not the testpaths of a bare `pytest`): each
    from where pytest was started, or else from the root (`katas/x/test_y.py` typed inside
    `katas/x/`)."""
    if config.args_source is not pytest.Config.ArgsSource.ARGS:
        return []
    paths = []
    for arg, path in zip(config.args, requested_paths(config), strict=True):
        from_root = (config.rootpath / arg.split("::", 1)[0]).resolve()
        # a path as printed from the root works from a topic folder too
        paths.append(from_root if not path.exists() and from_root.exists() else path)
    return paths


def mode_of(config: pytest.Config, layout: Layout) -> Mode:
    paths = requested_paths(config)
    learner = any(layout.is_kata(path) for path in paths)
    maintainer = any(layout.is_solution(path) for path in paths)
    if learner and maintainer:
        raise pytest.UsageError(
            say(
                "together",
                katas=layout.display(layout.katas_dir),
                solutions=layout.display(layout.solutions_dir),
            )
        )
    if learner:
        return Mode.LEARNER
    if maintainer:
        return Mode.MAINTAINER
    return Mode.OTHER


def find_tree_root(starts: Iterable[Path], katas_dir: str) -> Path | None:
    """The kata tree's root: the nearest folder at or above one of `starts` (tried in order) that
    holds `<katas_dir>/curriculum.toml`, resolved; None when there is none. Raises nothing."""
    for start in starts:
        start = resolved(start)
        for folder in (start, *start.parents):
            if (folder / katas_dir / CURRICULUM_FILE).is_file():
                return folder
    return None


def root_at_kata_tree(config: pytest.Config) -> None:
    """Make the root of the kata tree being run pytest's rootdir, when pytest chose another.

    pytest chooses its rootdir before any plugin runs: the folder of its configuration file, else
    one from the paths given and the invocation folder (`katas/generators/` when started there). A
    kata tree needs no configuration file, so its root is found here instead: the nearest folder
    at or above a path given, else at or above the invocation folder, that holds
    `<katas_dir>/curriculum.toml` (`find_tree_root`). Node ids, pytest's cache, the katas' module
    names (`katas.generators.test_send`), the progress file and the paths the plugin prints are
    all relative to the rootdir. The `testpaths` of a configuration file above the tree (another
    project's, which the tree lies in) are not the tree's: a bare `pytest` at its root runs the
    katas, with no warning that those paths are missing. Left alone: a rootdir given with
    --rootdir, one that holds the katas folder already, and any run outside a kata tree.

    Called from `pytest_load_initial_conftests`, before any conftest.py is read and before node
    ids and the cache are made. Raises nothing.
    """
    namespace = config.known_args_namespace
    katas_dir = str(config.getini("katas_dir"))
    if namespace.rootdir or (config.rootpath / katas_dir).is_dir():
        return
    here = config.invocation_params.dir
    given = [here / str(arg).split("::", 1)[0] for arg in namespace.file_or_dir]
    root = find_tree_root([*given, here], katas_dir)
    if root is None or root == config.rootpath:
        return
    chosen = config.rootpath
    # pytest offers no public way to change the rootdir it chose
    config._rootpath = root
    config._parser.extra_info["rootdir"] = str(root)
    if config.inipath is not None and not config.inipath.parent.is_relative_to(root):
        # the configuration of a project the tree lies in: its testpaths are not the tree's
        # (a bare `pytest` at the tree's root runs the katas, `run_katas_when_bare`)
        config._inicache["testpaths"] = []
    # Without a configuration file pytest reads conftest.py files from its rootdir down only:
    # from the topic folder, that would leave out those of the tree above it.
    ours = config.inipath is None and namespace.confcutdir == str(chosen)
    if ours and chosen.is_relative_to(root):
        namespace.confcutdir = str(root)


def run_katas_when_bare(config: pytest.Config, layout: Layout) -> None:
    """A bare `pytest` at the kata tree's root is the learner's run of the katas: `config.args`
    becomes the katas folder, as if `pytest katas/` had been typed. A bare `pytest` whose
    configuration sets testpaths runs those instead (this repository's: its tests and the
    solutions), and so does one started in any other folder (a topic folder runs its katas by
    itself). Raises nothing."""
    bare = config.args_source is pytest.Config.ArgsSource.INVOCATION_DIR
    if bare and resolved(config.invocation_params.dir) == layout.root:
        config.args = [typed_path(layout.katas_dir, config)]
