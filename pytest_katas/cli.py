"""`pytest-katas`: the package's command, one subcommand per task.

    pytest-katas --version
    pytest-katas init katas-workspace     (a learner's workspace: workspace/init.py)
    pytest-katas update [--dry-run]       (after an upgrade: workspace/update.py)
    pytest-katas report -o class.html alice.json bob.json    (the teacher's page: html_report.py)
    pytest-katas translations [--refresh] [NAME …]    (a maintainer's: translations.py)

Each subcommand is a function that adds its arguments to the parser it is given and returns what
runs it (the parsed options → the exit status), registered by one line in `SUBCOMMANDS`. A usage
error (no subcommand, an unknown one, a bad argument) is one line on stderr and exit status 2, as
argparse gives it; `--help` lists the subcommands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from pytest_katas import html_report, translations
from pytest_katas.arguments import CommandLine, add_language, add_version, arguments_of, speaking
from pytest_katas.i18n import N_, Messages
from pytest_katas.workspace import init, update

PROGRAM = "pytest-katas"

say = Messages(
    {
        "description": N_(
            "Katas that teach how Python really works underneath: the learner runs them with "
            "pytest katas/; this command does the rest."
        ),
        "subcommands": N_("subcommands"),
        "init": N_("write a workspace of katas to solve (pytest-katas init katas-workspace)"),
        "update": N_(
            "after upgrading pytest-katas: bring a workspace's katas up to date, keeping "
            "your answers and progress"
        ),
        "report": N_(
            "turn files written by pytest katas/ --kata-report=PATH into one HTML page (a "
            "learner's progress, or a class's)"
        ),
        "translations": N_(
            "for maintainers: list the translations whose English changed since they were "
            "checked; --refresh records the English once they are"
        ),
    }
)

Run = Callable[[argparse.Namespace], int]
"""What runs a subcommand: its parsed options → the exit status."""


@dataclass(frozen=True)
class Subcommand:
    """One subcommand: its `name`, the message key (in `say`) of its line in `pytest-katas --help`,
    and `define`, which adds its arguments to the parser it is given and returns its `Run`."""

    name: str
    summary: str
    define: Callable[[argparse.ArgumentParser], Run]


def report(command: argparse.ArgumentParser) -> Run:
    """`pytest-katas report`: what `katas-report` does (html_report.py), under the new name."""
    command.description = html_report.say("description")
    html_report.add_arguments(command)
    return partial(html_report.run, program=command.prog)


SUBCOMMANDS = (
    Subcommand("init", "init", init.define),
    Subcommand("update", "update", update.define),
    Subcommand("report", "report", report),
    Subcommand("translations", "translations", translations.define),
)
"""Every subcommand, in the order `--help` lists them."""


def parser() -> argparse.ArgumentParser:
    """The whole command line: `--help`, `--version`, and a parser per subcommand, whose `Run`
    the parsed options hold as `run`."""
    command = CommandLine(prog=PROGRAM, description=say("description"))
    add_version(command)
    add_language(command)
    subcommands = command.add_subparsers(
        title=say("subcommands"), metavar="SUBCOMMAND", dest="subcommand", required=True
    )
    for subcommand in SUBCOMMANDS:
        parsed = subcommands.add_parser(subcommand.name, help=say(subcommand.summary))
        parsed.set_defaults(run=subcommand.define(parsed))
        if subcommand.name != "report":  # it has its own, for the page's language too
            add_language(parsed)
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """`pytest-katas`: run the subcommand `argv` (else the process's arguments) names; return its
    exit status. A usage error exits 2 (SystemExit) after one line on stderr; `--help` and
    `--version` exit 0 (SystemExit) after printing."""
    arguments = arguments_of(argv)
    with speaking(arguments):
        options = parser().parse_args(arguments)
        run: Run = options.run
        return run(options)


if __name__ == "__main__":  # pragma: no cover - the console script calls main()
    sys.exit(main())
