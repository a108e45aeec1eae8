"""Imported at the start of every Python process of a mutation run: `nox -s mutants` puts this
folder on PYTHONPATH, after mutmut's copy of the package (`mutants/`), so the subprocesses that
tests start import the mutated package and run the mutant under test.

While mutmut first runs the tests to learn which test runs which function
(`MUTANT_UNDER_TEST=stats`), a subprocess runs the package as it is: mutmut records that in the
test process only, and its recording would fail in a subprocess started in another folder, where
mutmut's configuration is not found.
"""

from __future__ import annotations

import os

if os.environ.get("MUTANT_UNDER_TEST") == "stats":
    os.environ["MUTANT_UNDER_TEST"] = ""
