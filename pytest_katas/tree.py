"""What every kata and solution module gets, whatever the pytest configuration of its project.

A kata tree needs no pytest configuration of its own (see the kata format, `catalog.FORMAT_DOC`),
so what its modules need travels with the tree or is set here, in a learner's run and in a
maintainer's alike:

- each kata and solution module is imported by its full path (pytest's `importlib` import mode:
  `katas.generators.test_send`, `solutions.generators.test_send`), whatever `--import-mode` the
  run has: a kata and its solution share a file name, which the default mode cannot import
  side by side;
- each of their steps runs under the warnings filters of `katas/curriculum.toml` (its
  `filterwarnings` list), as under a `filterwarnings` mark that the module's own marks override,
  and so does the end of the run, where what the last failing step left behind is let go of.
"""

from __future__ import annotations

import gc
import sys
import warnings
from collections.abc import Generator
from pathlib import Path

import pytest

from pytest_katas.layout import Layout

FULL_PATH_IMPORT = "importlib"
"""pytest's import mode that names a module by its path from the rootdir."""


class KataTreeRules:
    """A plugin for the run of a kata tree: see the module's docstring."""

    def __init__(self, layout: Layout, filterwarnings: tuple[str, ...]) -> None:
        self.layout = layout
        self.filterwarnings = filterwarnings

    def pytest_sessionfinish(self) -> None:
        """Let go, under the filters, of what the last failing step left behind. pytest keeps it
        (in `sys.last_traceback`, for post-mortem debugging) until the next step runs, and after
        the last step until its own clean-up collects the garbage, once Python's own filters are
        back: a coroutine that was never awaited would then be warned about on stderr."""
        if not self.filterwarnings:
            return
        from _pytest.config import parse_warning_filter

        with warnings.catch_warnings():
            for entry in self.filterwarnings:
                warnings.filterwarnings(*parse_warning_filter(entry, escape=False))
            for name in ("last_type", "last_value", "last_traceback", "last_exc"):
                if hasattr(sys, name):
                    delattr(sys, name)
            gc.collect()  # the failed step's frame and its traceback refer to each other

    def is_tree_module(self, path: Path) -> bool:
        return self.layout.is_kata(path) or self.layout.is_solution(path)

    @pytest.hookimpl(wrapper=True)
    def pytest_make_collect_report(
        self, collector: pytest.Collector
    ) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
        """Collecting a module imports it (`pytest.Module.obj`), with the run's import mode as
        it is then: for a kata or solution module, the full-path one."""
        if not isinstance(collector, pytest.Module) or not self.is_tree_module(collector.path):
            return (yield)
        option = collector.config.option
        chosen = option.importmode
        option.importmode = FULL_PATH_IMPORT
        try:
            return (yield)
        finally:
            option.importmode = chosen

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        if not self.filterwarnings:
            return
        mark = pytest.mark.filterwarnings(*self.filterwarnings)
        for item in items:
            if self.is_tree_module(item.path):
                # pytest applies an item's filterwarnings marks from the item's own outwards, each
                # taking precedence over those before it: first in line, these give way to every
                # mark the kata has (on the step, or the module's pytestmark)
                item.add_marker(mark, append=False)
