"""The whole test suite on every supported Python found on this machine: `nox` (or `python3
bootstrap.py test`, which installs nox first).

- `tests-3.10` … `tests-3.13`: the plugin's tests and every solution (`pytest`, as a bare run is the
  maintainers' suite), under coverage with at least 90% branch coverage of pytest_katas;
- `lint`: the repository's pre-commit hooks (ruff check, ruff format, mypy --strict).

A Python that is not installed is skipped, and nox names it, on a contributor's machine; where the
`CI` environment variable is set (`.ci/run` sets it), or with `--error-on-missing-interpreters`, it
is an error: the README promises every answer checked on 3.10 to 3.13.
"""

from __future__ import annotations

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]

nox.options.default_venv_backend = "uv|virtualenv"
# error_on_missing_interpreters is left to nox: an error where CI is set, a skip elsewhere
nox.options.sessions = ["tests", "lint"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    session.install("-e", ".[dev]")
    coverage_file = f".coverage.{session.python}"
    env = {"COVERAGE_FILE": coverage_file}
    session.run("coverage", "erase", env=env)
    session.run("coverage", "run", "-m", "pytest", "-n", "2", *session.posargs, env=env)
    session.run("coverage", "combine", env=env, success_codes=[0, 1])
    session.run("coverage", "report", env=env)


@nox.session(python=PYTHONS[-1])
def lint(session: nox.Session) -> None:
    session.install("pre-commit")
    session.run("pre-commit", "run", "--all-files", "--show-diff-on-failure")


@nox.session(python=PYTHONS[1])
def bench(session: nox.Session) -> None:
    """Not part of the suite: the plugin's overhead on 2,000 synthetic katas."""
    session.install("-e", ".")
    session.run("python", "bench/bench_plugin.py", *session.posargs)
