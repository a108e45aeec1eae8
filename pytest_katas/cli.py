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
from pytest_katas.arguments import CommandLine, add_version, arguments_of, speaking
from pytest_katas.i18n import Messages
from pytest_katas.workspace import init, update

PROGRAM = "pytest-katas"

say = Messages(
    {
        "description": {
            "en": "Katas that teach how Python really works underneath: the learner runs them with "
            "pytest katas/; this command does the rest.",
            "zh": "讲解 Python 底层原理的练习：学员用 pytest katas/ 运行练习；"
            "其余的事由这个命令完成。",
        },
        "subcommands": {"en": "subcommands", "zh": "子命令"},
        "init": {
            "en": "write a workspace of katas to solve (pytest-katas init katas-workspace)",
            "zh": "写出一个练习工作区（pytest-katas init katas-workspace）",
        },
        "update": {
            "en": "after upgrading pytest-katas: bring a workspace's katas up to date, keeping "
            "your answers and progress",
            "zh": "升级 pytest-katas 之后：更新工作区里的练习，保留你的答案和进度",
        },
        "report": {
            "en": "turn files written by pytest katas/ --kata-report=PATH into one HTML page (a "
            "learner's progress, or a class's)",
            "zh": "把 pytest katas/ --kata-report=PATH 写出的文件合成一个 HTML 页面（一名学员或一个"
            "班级的进度）",
        },
        "translations": {
            "en": "for maintainers: list the translations whose English changed since they were "
            "checked; --refresh records the English once they are",
            "zh": "供维护者使用：列出核对之后英文又改过的译文；核对完毕后，用 --refresh 记录英文",
        },
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
    subcommands = command.add_subparsers(
        title=say("subcommands"), metavar="SUBCOMMAND", dest="subcommand", required=True
    )
    for subcommand in SUBCOMMANDS:
        parsed = subcommands.add_parser(subcommand.name, help=say(subcommand.summary))
        parsed.set_defaults(run=subcommand.define(parsed))
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
