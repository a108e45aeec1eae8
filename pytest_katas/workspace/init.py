"""`pytest-katas init [DIR]`: write a learner's workspace from the installed curriculum.

The workspace is the katas as shipped (katas/, with its manifests), a short README.md for the
learner, and the hidden record `update` merges from (`record.py`). Nothing else: a kata tree needs
no pytest configuration, and the reference solutions stay in the installed package, where
`pytest --solution` finds them once a kata has passed (`Layout.reference_of`).
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

from pytest_katas.catalog import CURRICULUM_FILE
from pytest_katas.i18n import Messages
from pytest_katas.installed import KATAS, Curriculum, installed
from pytest_katas.shell import pytest_command
from pytest_katas.workspace.record import RECORD_FILE, WorkspaceError, WorkspaceRecord

README = "README.md"

say = Messages(
    {
        "description": {
            "en": "Write a workspace of katas to solve: the katas of this pytest-katas, a short "
            "README.md, and a hidden record that pytest-katas update merges from.",
            "zh": "写出一个练习工作区：这个版本 pytest-katas 的全部练习、一份简短的 README.md，"
            "以及 pytest-katas update 合并时依据的隐藏记录。",
        },
        "help-dir": {
            "en": "the folder to write it in (made if needed; default: the current folder)",
            "zh": "写入的文件夹（需要时会创建；默认：当前文件夹）",
        },
        "has-workspace": {
            "en": "{folder} already holds a workspace ({file}): carry on there, or run "
            "{pytest_katas} update there after upgrading pytest-katas",
            "zh": "{folder} 里已经有一个工作区（{file}）：在那里继续，升级 pytest-katas 后"
            "在那里运行 {pytest_katas} update",
        },
        "inside-tree": {
            "en": "{folder} is inside the kata tree at {root}: a workspace cannot hold another "
            "(pytest would run both); choose a folder outside it",
            "zh": "{folder} 在 {root} 的练习目录里面：工作区不能套在另一个里面"
            "（pytest 会把两个一起运行）；请选一个在它外面的文件夹",
        },
        "has-katas": {
            "en": "{folder} already holds a {katas}/ folder: choose another folder, such as "
            "{pytest_katas} init katas-workspace",
            "zh": "{folder} 里已经有 {katas}/ 文件夹：请换一个文件夹，例如 "
            "{pytest_katas} init katas-workspace",
        },
        "not-a-folder": {
            "en": "{folder} is a file, not a folder: give {pytest_katas} init a folder",
            "zh": "{folder} 是文件而不是文件夹：请给 {pytest_katas} init 一个文件夹",
        },
        "not-written": {
            "en": "{folder} could not be written ({error}): choose a folder you can write in",
            "zh": "无法写入 {folder}（{error}）：请换一个你能写入的文件夹",
        },
        "no-curriculum": {
            "en": "this installation of pytest-katas has no katas (pytest_katas/curriculum.json is "
            "missing): reinstall it with pip install --force-reinstall pytest-katas",
            "zh": "这个 pytest-katas 安装里没有练习（缺少 pytest_katas/curriculum.json）："
            "请用 pip install --force-reinstall pytest-katas 重新安装",
        },
        "written": {
            "en": "Wrote {count} katas of pytest-katas {version} in {folder}.",
            "zh": "已在 {folder} 写入 pytest-katas {version} 的 {count} 个练习。",
        },
        "next": {
            "en": "Next: {command}",
            "zh": "下一步：{command}",
        },
        "readme": {
            "en": """# Katas: how Python works underneath

Each kata is a failing test module in a topic folder of `katas/`. Fill in the blanks (`__`), or
write the function whose body is `__`, until the kata passes.

| command | what you get |
|---|---|
| `{pytest} katas/` | every kata, your progress, and the kata to work on next |
| `{pytest} --hint` | the next hint for the kata you are on |
| `{pytest} --solution` | once a kata has passed: your answers beside the reference's |
| `{pytest} --watch katas/` | the katas again each time you save one |

Your progress is kept in `katas-progress.json` here. After upgrading pytest-katas, run
`{pytest_katas} update` here (`{pytest_katas} update --dry-run` shows what it would change first):
your answers are kept, the katas that changed are merged, new katas appear.

Made by pytest-katas {version}; keep the hidden file `{record}`, which `update` needs.
""",
            "zh": """# 练习：Python 的底层原理

每个练习都是 `katas/` 某个主题文件夹里一个会失败的测试模块。填上空（`__`），或者写出函数体为
`__` 的函数，直到练习通过。

| 命令 | 作用 |
|---|---|
| `{pytest} katas/` | 运行全部练习，显示进度和下一个要做的练习 |
| `{pytest} --hint` | 当前练习的下一条提示 |
| `{pytest} --solution` | 练习通过后：你的答案与参考答案的对照 |
| `{pytest} --watch katas/` | 每次保存练习时重新运行 |

进度保存在这里的 `katas-progress.json`。升级 pytest-katas 之后，在这里运行
`{pytest_katas} update`（先用 `{pytest_katas} update --dry-run` 看看会改什么）：你的答案会保留，
改动过的练习会被合并，新的练习会出现。

由 pytest-katas {version} 生成；请保留隐藏文件 `{record}`，update 需要它。
""",
        },
    }
)


def define(command: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    """`pytest-katas init [DIR]`: adds its arguments to `command`; returns what runs it."""
    command.description = say("description")
    command.add_argument("folder", metavar="DIR", nargs="?", default=".", help=say("help-dir"))
    return run


def run(options: argparse.Namespace) -> int:
    """Write the workspace in `options.folder`, print what was written and the next command;
    exit status 0. A folder that cannot be a workspace: one line on stderr, exit status 1."""
    typed = os.path.normpath(str(options.folder))
    # the current folder by its name: "." would say little in a message
    folder = Path.cwd() if typed == "." else Path(typed)
    try:
        curriculum = installed()
        if curriculum is None:
            raise WorkspaceError(say("no-curriculum"))
        count = write_workspace(folder, curriculum)
    except WorkspaceError as error:
        print(f"pytest-katas init: {error}", file=sys.stderr)
        return 1
    print(say("written", count=count, version=curriculum.version, folder=folder))
    print(say("next", command=next_command(typed)))
    return 0


def write_workspace(folder: Path, curriculum: Curriculum) -> int:
    """Write the workspace of `curriculum` in `folder` (made if needed); return how many katas.
    Raises WorkspaceError, before writing anything, when `folder` is a file, holds a workspace
    or a katas/ folder already, lies inside a kata tree (a workspace or a repository), or cannot
    be written."""
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError(say("not-a-folder", folder=folder))
    if (folder / RECORD_FILE).exists():
        raise WorkspaceError(say("has-workspace", folder=folder, file=RECORD_FILE))
    if (folder / KATAS).exists():
        raise WorkspaceError(say("has-katas", folder=folder, katas=KATAS))
    for above in folder.resolve().parents:
        if (above / RECORD_FILE).exists() or (above / KATAS / CURRICULUM_FILE).is_file():
            raise WorkspaceError(say("inside-tree", folder=folder, root=above))
    record = WorkspaceRecord.of(curriculum)
    try:
        for name, text in record.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        readme = folder / README
        if not readme.exists():  # a folder of the learner's own keeps its README
            readme.write_text(
                say("readme", version=curriculum.version, record=RECORD_FILE), encoding="utf-8"
            )
        record.write(folder)
    except OSError as error:
        raise WorkspaceError(say("not-written", folder=folder, error=error.strerror)) from None
    return len(record.katas)


def next_command(typed: str) -> str:
    """The command that runs the katas of the workspace at `typed` (the folder as given, from
    where the command was run): `cd DIR && pytest katas/`, or `pytest katas/` for `.`."""
    run_katas = f"{pytest_command()} {KATAS}/"
    return run_katas if typed == "." else f"cd {shlex.quote(typed)} && {run_katas}"
