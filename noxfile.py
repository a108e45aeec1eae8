"""The whole test suite on every supported Python found on this machine: `nox` (or `python3
bootstrap.py test`, which installs nox first).

- `tests-3.10` … `tests-3.13`: the plugin's tests and every solution (`pytest`, as a bare run is the
  maintainers' suite), under coverage with at least 90% branch coverage of pytest_katas;
- `lint`: the repository's pre-commit hooks (ruff check, ruff format, mypy --strict).

Not part of the suite, run on demand: `bench` (the plugin's overhead) and `mutants` (mutation
testing of the modules that keep progress and passes honest).

A Python that is not installed is skipped, and nox names it, on a contributor's machine; where the
`CI` environment variable is set (`.ci/run` sets it), or with `--error-on-missing-interpreters`, it
is an error: the README promises every answer checked on 3.10 to 3.13.
"""

from __future__ import annotations

import os
from pathlib import Path

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


@nox.session(python=PYTHONS[1])
def messages(session: nox.Session) -> None:
    """Not part of the suite: the gettext catalogs of the plugin's messages (pytest_katas/i18n.py).

    Extracts the English of every Messages table into `pytest_katas/locale/pytest_katas.pot`,
    updates each language's catalog from it (a new message comes in untranslated, a changed one
    keeps its old translation marked fuzzy, a removed one turns obsolete), and compiles each to
    `.mo`. Then translate what is empty or fuzzy (Poedit, Weblate, or by hand; remove the fuzzy
    flag once checked), delete the obsolete `#~` entries, and run it again: tests/test_languages.py
    fails until then. A new language: `pybabel init -D pytest_katas -d pytest_katas/locale -i
    pytest_katas/locale/pytest_katas.pot -l LANGUAGE`, translate, run this.
    """
    session.install("babel>=2.14")
    locale = "pytest_katas/locale"
    template = f"{locale}/pytest_katas.pot"
    extract = ["--mapping-file=babel.cfg", "--keyword=N_plural:1,2", "--add-location=file"]
    extract += ["--sort-output", "--width=100", "--omit-header", f"--output-file={template}"]
    session.run("pybabel", "extract", *extract, ".")
    update = ["--domain=pytest_katas", f"--input-file={template}", f"--output-dir={locale}"]
    session.run("pybabel", "update", *update, "--width=100", "--ignore-pot-creation-date")
    session.run("pybabel", "compile", "--domain=pytest_katas", f"--directory={locale}")


@nox.session(python=PYTHONS[1])
def mutants(session: nox.Session) -> None:
    """Not part of the suite: mutation testing (mutmut) of the modules where a mistake loses
    progress or lets an unearned pass through (`[tool.mutmut]` in pyproject.toml names them and
    the tests run against them), then the figures per module (bench/mutants_summary.py).

    - `nox -s mutants`: every module (about 6 minutes on two shared cores with today's tests;
      a mutant no test reaches is skipped, so it grows as tests are added: bench/mutants.md);
    - `nox -s mutants -- pytest_katas/drift.py pytest_katas/blanks.py`: those modules only (their
      mutants are tried again, the others' results are kept);
    - `nox -s mutants -- --max-children 1`: fewer workers than the default of two.

    mutmut copies the package, with every mutant in it, into `mutants/` and runs the tests there;
    PYTHONPATH names that copy, so a test's subprocess imports the mutated package too
    (bench/mutmut_subprocess/sitecustomize.py says why it is also on PYTHONPATH). Results
    are kept in `mutants/` between runs (delete it to start afresh); `mutmut show NAME` and
    `mutmut browse`, run in the session's environment, show a mutant.
    """
    session.install("mutmut>=3.8.1,<4", ".")
    root = Path(__file__).resolve().parent
    options = ["--max-children", "2"]
    names: list[str] = []
    args = list(session.posargs)
    while args:
        arg = args.pop(0)
        if arg == "--max-children" and args:
            options = [arg, args.pop(0)]
        elif arg.endswith(".py"):
            names.append(arg.removesuffix(".py").replace("/", ".") + ".*")
        else:
            names.append(arg)
    # bench/mutmut_subprocess/sitecustomize.py: what a subprocess does while mutmut collects stats
    pythonpath = [root / "mutants", root / "bench" / "mutmut_subprocess"]
    env = {"PYTHONPATH": os.pathsep.join(map(str, pythonpath))}
    # made before mutmut starts: Python skips, for good, a PYTHONPATH folder that did not exist
    # when the first import looked in it, and the tests would then import the package unmutated
    (root / "mutants").mkdir(exist_ok=True)
    session.run("mutmut", "run", *options, *names, env=env)
    session.run("python", "bench/mutants_summary.py", *session.posargs, env=env)
