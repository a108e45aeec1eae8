"""`pytest --hint` and `pytest --solution`: commands that answer at once and run no tests.

Like pytest's own `--cache-show`, they take over `pytest_cmdline_main`, so a bare `pytest --hint`
from the repository root never runs the maintainers' suite that a bare `pytest` runs.
"""

from __future__ import annotations

import sys

import pytest
from _pytest.config import create_terminal_writer

from pytest_katas.catalog import Catalog, Kata
from pytest_katas.hints import show_hints, spend_hint
from pytest_katas.i18n import Messages
from pytest_katas.layout import Layout, user_paths
from pytest_katas.progress import Progress, ProgressStore
from pytest_katas.solutions import show_solution

say = Messages(
    {
        "no-katas-folder": {
            "en": "pytest {command} needs a {folder}/ folder under {root}; run it from the kata "
            "repository",
            "zh": "pytest {command} 需要 {root} 下有 {folder}/ 文件夹；请在练习仓库里运行它",
        },
        "all-green": {
            "en": "All {count} katas are green: nothing is left to do.",
            "zh": "全部 {count} 个练习都通过了：没有要做的了。",
        },
        "one-path": {
            "en": "pytest {command} takes one kata path, not {count}",
            "zh": "pytest {command} 只接受一个练习路径，而不是 {count} 个",
        },
        "is-solution": {
            "en": "{path} is a solution; name its kata instead: pytest {command} {kata}",
            "zh": "{path} 是参考答案；请改用它的练习：pytest {command} {kata}",
        },
        "no-such-path": {
            "en": "{path} does not exist; give pytest {command} a kata path such as {example}, "
            "or no path for the kata you are on",
            "zh": "{path} 不存在；请给 pytest {command} 一个练习路径，例如 {example}，"
            "或者不给路径，表示你正在做的练习",
        },
        "not-a-kata": {
            "en": "{path} is not a kata listed in a topic.toml under {folder}/; give pytest "
            "{command} a kata's file, or no path for the kata you are on",
            "zh": "{path} 不是 {folder}/ 下某个 topic.toml 列出的练习；请给 pytest {command} "
            "一个练习文件，或者不给路径，表示你正在做的练习",
        },
        "no-katas-yet": {"en": "{folder}/ holds no katas yet", "zh": "{folder}/ 里还没有练习"},
    }
)


def run_command(config: pytest.Config) -> pytest.ExitCode:
    command = "--hint" if config.getoption("katas_hint") else "--solution"
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
    # --hint saves below, with the hint spent; read only here, so each warning is said once
    loaded = store.fold(catalog.katas, save=command != "--hint")
    for warning in map(str, catalog.problems):
        writer.line(f"! {warning}", yellow=True)
    kata = target_kata(config, layout, catalog, loaded.progress, command)
    if kata is not None and command == "--hint":
        before = loaded.progress.record(kata.id).hints_used
        spend_hint(kata, loaded.progress)  # a broken manifest stops here, before saving
        loaded = store.fold(catalog.katas, change=lambda progress: spend_hint(kata, progress))
    elif kata is None and command == "--hint":
        loaded = store.fold(catalog.katas)
    for warning in loaded.warnings:
        writer.line(f"! {warning}", yellow=True)
    if kata is None:
        writer.line(say("all-green", count=len(catalog.katas)), green=True)
        return pytest.ExitCode.OK
    if command == "--hint":
        return show_hints(kata, loaded.progress, writer, before=before)
    return show_solution(kata, layout, loaded.progress, writer)


def target_kata(
    config: pytest.Config, layout: Layout, catalog: Catalog, progress: Progress, command: str
) -> Kata | None:
    """The kata a command is about: the one named, else the learner's kata in focus."""
    paths = user_paths(config)
    here = config.invocation_params.dir.resolve()
    if not paths and layout.is_kata(here) and here != layout.katas_dir:
        paths = [here]  # run from inside a topic folder: that topic's kata in focus
    unfinished = [kata for kata in catalog.katas if not progress.status(kata).passed]
    if not paths:
        if not catalog.katas:
            raise pytest.UsageError(_first_problem(catalog, layout))
        return unfinished[0] if unfinished else None
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


def _first_problem(catalog: Catalog, layout: Layout) -> str:
    if catalog.problems:
        return str(catalog.problems[0])
    return say("no-katas-yet", folder=layout.display(layout.katas_dir))
