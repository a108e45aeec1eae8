"""`pytest --hint` and `pytest --solution`: commands that answer at once and run no tests.

Like pytest's own `--cache-show`, they take over `pytest_cmdline_main`, so a bare `pytest --hint`
from the repository root never runs the maintainers' suite that a bare `pytest` runs.
"""

from __future__ import annotations

import sys

import pytest
from _pytest.config import create_terminal_writer

from pytest_katas.catalog import Catalog, Kata
from pytest_katas.hints import show_next_hint
from pytest_katas.layout import Layout, user_paths
from pytest_katas.progress import Progress, ProgressStore
from pytest_katas.solutions import show_solution


def run_command(config: pytest.Config) -> pytest.ExitCode:
    command = "--hint" if config.getoption("katas_hint") else "--solution"
    layout = Layout.of(config)
    if layout is None:
        raise pytest.UsageError(
            f"pytest {command} needs a {config.getini('katas_dir')}/ folder under {config.rootpath}"
            "; run it from the kata repository"
        )
    writer = create_terminal_writer(config, sys.stdout)
    catalog = Catalog.load(layout.root, layout.katas_dir)
    store = ProgressStore.for_config(config)
    progress, warnings = store.load()
    for warning in [*map(str, catalog.problems), *warnings]:
        writer.line(f"! {warning}", yellow=True)
    kata = target_kata(config, layout, catalog, progress, command)
    if kata is None:
        writer.line(f"All {len(catalog.katas)} katas are green: nothing is left to do.", green=True)
        return pytest.ExitCode.OK
    if command == "--hint":
        status = show_next_hint(kata, progress, writer)
        store.save(progress)
        return status
    return show_solution(kata, layout, progress, writer)


def target_kata(
    config: pytest.Config, layout: Layout, catalog: Catalog, progress: Progress, command: str
) -> Kata | None:
    """The kata a command is about: the one named, else the learner's kata in focus."""
    paths = user_paths(config)
    unfinished = [kata for kata in catalog.katas if not progress.status(kata).passed]
    if not paths:
        if not catalog.katas:
            raise pytest.UsageError(_first_problem(catalog, layout))
        return unfinished[0] if unfinished else None
    if len(paths) > 1:
        raise pytest.UsageError(f"pytest {command} takes one kata path, not {len(paths)}")
    path = paths[0]
    shown = layout.display(path)
    if layout.is_solution(path):
        raise pytest.UsageError(
            f"{shown} is a solution; name its kata instead: pytest {command} "
            f"{layout.display(layout.kata_of(path))}"
        )
    if not path.exists():
        raise pytest.UsageError(
            f"{shown} does not exist; give pytest {command} a kata path such as "
            f"{catalog.katas[0].display if catalog.katas else 'katas/<topic>/test_<kata>.py'}, "
            "or no path for the kata you are on"
        )
    kata = catalog.kata_at(path)
    if kata is not None:
        return kata
    under = catalog.katas_under(path) if path.is_dir() else []
    if under:
        return next((kata for kata in under if kata in unfinished), under[0])
    raise pytest.UsageError(
        f"{shown} is not a kata listed in a topic.toml under "
        f"{layout.display(layout.katas_dir)}/; give pytest {command} a kata's file, "
        "or no path for the kata you are on"
    )


def _first_problem(catalog: Catalog, layout: Layout) -> str:
    if catalog.problems:
        return str(catalog.problems[0])
    return f"{layout.display(layout.katas_dir)}/ holds no katas yet"
