"""`pytest --hint` and `pytest --solution`: commands that answer at once and run no tests.

Like pytest's own `--cache-show`, they take over `pytest_cmdline_main`, so a bare `pytest --hint`
from the repository root never runs the maintainers' suite that a bare `pytest` runs.
"""

from __future__ import annotations

import sys

import pytest
from _pytest.config import create_terminal_writer

from pytest_katas.catalog import Catalog, Kata, read_source
from pytest_katas.hints import reveal_answers, show_hints, spend_hint
from pytest_katas.hints import say as hint_messages
from pytest_katas.i18n import N_, Messages
from pytest_katas.layout import Layout, typed_path, user_paths
from pytest_katas.progress import KataRecord, Progress, ProgressStore
from pytest_katas.reset import put_back_missing, reset_katas
from pytest_katas.screen import paragraph, warning
from pytest_katas.shipped import answers, shipped_source
from pytest_katas.solutions import show_solution

say = Messages(
    {
        "no-katas-folder": N_(
            "{pytest} {command} needs a {folder}/ folder under {root}; run it from the kata "
            "repository"
        ),
        "all-green": N_("All {count} katas are green: nothing is left to do."),
        "one-path": N_("{pytest} {command} takes one kata path, not {count}"),
        "is-solution": N_("{path} is a solution; name its kata instead: {pytest} {command} {kata}"),
        "no-such-path": N_(
            "{path} does not exist; give {pytest} {command} a kata path such as {example}, "
            "or no path for the kata you are on"
        ),
        "not-a-kata": N_(
            "{path} is not a kata listed in a topic.toml under {folder}/; give {pytest} "
            "{command} a kata's file, or no path for the kata you are on"
        ),
        "one-command": N_("use one of {commands} at a time"),
        "reset-what": N_(
            "{pytest} --reset needs the kata or topic folder to restore, such as "
            "{pytest} --reset katas/generators/test_laziness.py"
        ),
        "no-katas-yet": N_("{folder}/ holds no katas yet"),
    }
)


COMMANDS = {
    "katas_hint": "--hint",
    "katas_solution": "--solution",
    "katas_reveal": "--reveal",
    "katas_reset": "--reset",
}
"""The options that are commands: each answers at once and runs no tests."""


def chosen_command(config: pytest.Config) -> str | None:
    """The command option given, or None; raises pytest.UsageError for more than one."""
    chosen = [flag for option, flag in COMMANDS.items() if config.getoption(option)]
    if len(chosen) > 1:
        raise pytest.UsageError(say("one-command", commands=" ".join(chosen)))
    return chosen[0] if chosen else None


def run_command(config: pytest.Config, command: str) -> pytest.ExitCode:
    layout = Layout.of(config)
    if layout is None:
        raise pytest.UsageError(
            say(
                "no-katas-folder",
                command=command,
                folder=config.getini("katas_dir"),
                root=config.rootpath,
            )
        )
    writer = create_terminal_writer(config, sys.stdout)
    catalog = Catalog.load(layout.root, layout.katas_dir)
    store = ProgressStore.for_config(config, layout.root)
    # --hint and --reveal save below; read only here, so each warning is said once
    loaded = store.fold(catalog.katas, save=command not in ("--hint", "--reveal"))
    for line in (problem.for_learner() for problem in catalog.problems):
        warning(writer, line)
    if command == "--reset":
        missing = [*user_paths(config), *(layout.root / arg for arg in config.args)]
        if len(config.args) == 1 and put_back_missing(config, layout, missing, writer):
            return pytest.ExitCode.OK
        return reset_katas(reset_targets(config, layout, catalog), writer, config)
    kata = target_kata(config, layout, catalog, loaded.progress, command)
    typed = typed_path(kata.path, config) if kata is not None else ""
    if kata is not None and command == "--hint" and loaded.progress.status(kata).passed:
        for line in loaded.warnings:
            warning(writer, line)
        paragraph(writer, hint_messages("solved", path=typed), green=True)
        return pytest.ExitCode.OK
    if kata is not None and command == "--reveal":
        answers = revealed_answers(layout, kata)
        loaded = store.fold(catalog.katas, change=lambda progress: progress.reveal(kata.id))
        for line in loaded.warnings:
            warning(writer, line)
        return reveal_answers(kata, loaded.progress, writer, answers)
    if kata is not None and command == "--hint":
        before = loaded.progress.record(kata.id).hints_used
        spend_hint(kata, loaded.progress)  # a broken manifest stops here, before saving
        loaded = store.fold(catalog.katas, change=lambda progress: spend_hint(kata, progress))
    elif kata is None and command == "--hint":
        loaded = store.fold(catalog.katas)
    for line in loaded.warnings:
        warning(writer, line)
    if kata is None:
        paragraph(writer, say("all-green", count=len(catalog.katas)), green=True)
        return pytest.ExitCode.OK
    if command == "--hint":
        return show_hints(kata, loaded.progress, writer, before=before, typed=typed)
    full = bool(config.getoption("katas_solution_full"))
    return show_solution(kata, layout, loaded.progress, writer, typed, full=full)


def target_kata(
    config: pytest.Config, layout: Layout, catalog: Catalog, progress: Progress, command: str
) -> Kata | None:
    """The kata a command is about: the one named, else the learner's kata in focus."""
    # no path, wherever pytest was started (a topic folder too): the last report's kata in focus,
    # or for --solution the kata solved most recently
    paths = user_paths(config)
    unfinished = [kata for kata in catalog.katas if not progress.status(kata).passed]
    if not paths:
        if not catalog.katas:
            raise pytest.UsageError(_first_problem(catalog, layout))
        if command == "--solution":
            solved = [
                k for k in catalog.katas if progress.katas.get(k.id, KataRecord()).first_passed
            ]
            if solved:  # the most recently solved
                return max(solved, key=lambda k: (progress.katas[k.id].first_passed or "", k.order))
        focus = next((kata for kata in unfinished if kata.id == progress.focus), None)
        return focus or (unfinished[0] if unfinished else None)
    if len(paths) > 1:
        raise pytest.UsageError(say("one-path", command=command, count=len(paths)))
    path = paths[0]
    shown = layout.display(path)
    if layout.is_solution(path):
        kata_path = layout.display(layout.kata_of(path))
        raise pytest.UsageError(say("is-solution", path=shown, command=command, kata=kata_path))
    if not path.exists():
        example = catalog.katas[0].display if catalog.katas else "katas/<topic>/test_<kata>.py"
        raise pytest.UsageError(say("no-such-path", path=shown, command=command, example=example))
    kata = catalog.kata_at(path)
    if kata is not None:
        return kata
    under = catalog.katas_under(path) if path.is_dir() else []
    if under:
        return next((kata for kata in under if kata in unfinished), under[0])
    folder = layout.display(layout.katas_dir)
    raise pytest.UsageError(say("not-a-kata", path=shown, folder=folder, command=command))


def reset_targets(config: pytest.Config, layout: Layout, catalog: Catalog) -> list[Kata]:
    """The katas `--reset` restores: the one named, or every kata of the topic folder named."""
    paths = user_paths(config)
    if len(paths) != 1:
        raise pytest.UsageError(say("reset-what"))
    path = paths[0]
    kata = catalog.kata_at(path)
    if kata is not None:
        return [kata]
    under = catalog.katas_under(path) if path.is_dir() else []
    if under:
        return under
    folder = layout.display(layout.katas_dir)
    shown = layout.display(path)
    raise pytest.UsageError(say("not-a-kata", path=shown, folder=folder, command="--reset"))


def revealed_answers(layout: Layout, kata: Kata) -> list[tuple[int, str]]:
    """The reference answers at the kata's predict blanks, by line (see `shipped.answers`)."""
    shipped = shipped_source(kata)
    solution_source = layout.reference_of(kata)
    try:
        kata_source = shipped if shipped is not None else read_source(kata.path)
    except OSError:
        return []
    if solution_source is None:
        return []
    return answers(kata_source, solution_source)


def _first_problem(catalog: Catalog, layout: Layout) -> str:
    if catalog.problems:
        return catalog.problems[0].for_learner()
    return say("no-katas-yet", folder=layout.display(layout.katas_dir))
