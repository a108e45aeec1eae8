"""pytest-katas' wiring into pytest: options, hooks, and which run gets which behaviour.

Each behaviour lives in the module named for it: `learner` (a learner's run), `maintainer` (the
checks of `pytest solutions/`), `commands` (`--hint`, `--solution`), `timelimit`, `catalog`,
`progress`, `report`, `blanks`, `drift`; `layout` finds the kata tree, and `tree` gives its modules
what they need whatever the project's pytest configuration.
"""

from __future__ import annotations

import pytest

from pytest_katas import hookspecs
from pytest_katas.catalog import Catalog
from pytest_katas.commands import chosen_command, run_command
from pytest_katas.i18n import LANGUAGES, N_, Messages, choose_language, set_language
from pytest_katas.layout import Layout, Mode, mode_of, root_at_kata_tree, run_katas_when_bare
from pytest_katas.learner import LearnerRun, is_xdist_worker
from pytest_katas.maintainer import MaintainerRun
from pytest_katas.process_guard import ProcessGuard
from pytest_katas.progress import PROGRESS_FILE, ProgressStore
from pytest_katas.screen import PLAIN, wants_plain
from pytest_katas.solutions import SolutionGuard
from pytest_katas.timelimit import DEFAULT_SECONDS, TimeLimit, time_limit_of
from pytest_katas.tree import KataTreeRules

say = Messages(
    {
        "unknown-language": N_(
            "--lang={option} is not a language of pytest-katas; use one of: {languages}"
        ),
    }
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("katas", "pytest-katas")
    group.addoption(
        "--hint",
        action="store_true",
        dest="katas_hint",
        help="show the next hint for the kata you are on (or for the kata path given), "
        "without running anything",
    )
    group.addoption(
        "--solution",
        action="store_true",
        dest="katas_solution",
        help="once a kata has passed: your answers beside the reference solution's, blank by "
        "blank, compared as code (layout and comments aside)",
    )
    group.addoption(
        "--full",
        action="store_true",
        dest="katas_solution_full",
        help="with --solution: the whole reference file instead, as a diff against yours",
    )
    group.addoption(
        "--reveal",
        action="store_true",
        dest="katas_reveal",
        help="show the answers of the kata you are on (or of the kata path given); your "
        "progress records that you asked",
    )
    group.addoption(
        "--reset",
        action="store_true",
        dest="katas_reset",
        help="put the kata (or every kata of the topic folder) given back as shipped, keeping "
        "your version beside it as a .bak file",
    )
    group.addoption(
        "--full-report",
        action="store_true",
        dest="katas_full_report",
        help="report every kata failure in full, as plain pytest does, instead of only the "
        "failures of the kata you are on",
    )
    group.addoption(
        "--watch",
        action="store_true",
        dest="katas_watch",
        help="watch the kata files and run a kata again each time it is saved (Ctrl-C to leave)",
    )
    group.addoption(
        "--kata-report",
        dest="katas_report",
        metavar="PATH",
        default=None,
        help="also write your progress to PATH as JSON (for katas-report, or a teacher)",
    )
    group.addoption(
        "--kata-learner",
        dest="katas_learner",
        metavar="NAME",
        default=None,
        help="your name in the --kata-report file (default: your login name)",
    )
    group.addoption(
        "--lang",
        dest="katas_lang",
        metavar="LANGUAGE",
        default=None,
        help="the language of the katas' messages, lessons and hints: en or zh (default: the "
        "PYTEST_KATAS_LANG environment variable, else the locale, else en)",
    )
    group.addoption(
        "--kata-time-limit",
        dest="kata_time_limit",
        metavar="SECONDS",
        default=None,
        help="stop a kata step that runs longer than this (0: no limit)",
    )
    group.addoption(
        "--plain",
        action="store_true",
        dest="katas_plain",
        help="plain report for screen readers and dumb terminals: no bars, no colour, the same "
        "in words (also PYTEST_KATAS_PLAIN=1; on by itself where the output cannot show the bars)",
    )
    parser.addini("katas_dir", "folder of the katas, from the root", default="katas")
    parser.addini("solutions_dir", "folder of the solutions, from the root", default="solutions")
    parser.addini(
        "katas_progress_file",
        "the learner's progress file, from the root (keep it in git if you like)",
        default=PROGRESS_FILE,
    )
    parser.addini(
        "kata_time_limit", "seconds a kata step may run (0: no limit)", default=str(DEFAULT_SECONDS)
    )


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(hookspecs)


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    root_at_kata_tree(early_config)


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> int | pytest.ExitCode | None:
    use_chosen_language(config)
    use_plain_mode(config)
    if config.getoption("katas_watch"):
        from pytest_katas.watch import run_watch

        return run_watch(config)
    command = chosen_command(config)
    if command is not None:
        return run_command(config, command)
    return None


def use_chosen_language(config: pytest.Config) -> None:
    option = config.getoption("katas_lang")
    try:
        set_language(choose_language(option), typed=bool(option))
    except ValueError:
        raise pytest.UsageError(
            say("unknown-language", option=option, languages=", ".join(LANGUAGES))
        ) from None


def use_plain_mode(config: pytest.Config) -> None:
    """Plain mode (see `screen.wants_plain`) also turns pytest's colour off: this runs before
    pytest's terminal reporter is made, which reads `--color`."""
    if wants_plain(bool(config.getoption("katas_plain"))):
        config.stash[PLAIN] = True
        config.option.color = "no"


def only_lists(config: pytest.Config) -> bool:
    """Whether the run only lists (tests, fixtures, markers), sets fixtures up without running
    the steps (`--setup-only`, `--setup-plan`: pytest reports each step as passed or failed
    without running it), or explains itself (help, version): then it prints nothing of a
    learner's report and keeps no progress."""
    option = config.option
    return any(
        getattr(option, name, False)
        for name in (
            *("collectonly", "showfixtures", "show_fixtures_per_test", "markers"),
            *("setuponly", "setupplan", "help", "version"),
        )
    )


def pytest_configure(config: pytest.Config) -> None:
    use_chosen_language(config)
    layout = Layout.of(config)
    if layout is None:
        return
    run_katas_when_bare(config, layout)
    mode = mode_of(config, layout)
    if mode is Mode.OTHER:
        return
    catalog = Catalog.load(layout.root, layout.katas_dir)
    # --collect-only too: the modules cannot even be imported otherwise
    config.pluginmanager.register(KataTreeRules(layout, catalog.filterwarnings), "katas-tree")
    if only_lists(config):
        return
    if mode is Mode.MAINTAINER:
        config.pluginmanager.register(
            TimeLimit(config, layout, time_limit_of(config)), "katas-time-limit"
        )
        config.pluginmanager.register(MaintainerRun(config, layout, catalog), "katas-maintainer")
        return
    worker = is_xdist_worker(config)
    store = ProgressStore.for_config(config, layout.root)
    loaded = store.fold(catalog.katas, save=not worker)
    run = LearnerRun(config, layout, catalog, store, loaded.progress, loaded.warnings)
    config.pluginmanager.register(run, "katas-learner")
    limit = TimeLimit(config, layout, time_limit_of(config), on_expiry=run.time_limit_fired)
    config.pluginmanager.register(limit, "katas-time-limit")
    guard = ProcessGuard(config, layout.is_kata, layout.display)
    config.pluginmanager.register(guard, "katas-process-guard")
    if not worker:
        guard.install_sigterm()
    solutions = SolutionGuard(layout, catalog, lambda kata: run.progress.status(kata).unlocked)
    solutions.install()
    config.add_cleanup(solutions.uninstall)
