"""Hooks that pytest-katas offers to other plugins and to conftest.py files.

Implement them like any pytest hook (see the README's "Extending pytest-katas" for a tested
example)::

    def pytest_katas_check(kata, kata_source, solution_source):
        if "TODO" in solution_source:
            return ["the solution still says TODO"]
        return []
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import pytest

    from pytest_katas.catalog import Catalog, Kata
    from pytest_katas.progress import Progress

hookspec = pluggy.HookspecMarker("pytest")


@hookspec
def pytest_katas_check(kata: Kata, kata_source: str, solution_source: str) -> list[str] | None:
    """Check one kata and its solution during `pytest solutions/`.

    Return a list of one-line problems (an empty list or None when all is well). Each problem
    fails the kata's `kata-checks` step, named with the kata's path.
    """


@hookspec(firstresult=True)
def pytest_katas_render_progress(
    config: pytest.Config, catalog: Catalog, progress: Progress
) -> bool | None:
    """Render the learner's progress table at the end of `pytest katas/`.

    `catalog.topics` are in learner order; `progress.status(kata)` tells the steps passed of each
    kata. Write with `config.get_terminal_writer()` and return True to replace the built-in table.
    """
