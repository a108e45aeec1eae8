"""Without `__all__`, `import *` takes every name not starting with `_`; with it, exactly its list.

`mymodule` below shows how `__all__` is usually explained: it lists the public names and leaves the
`_private` ones out, as if the underscore were what kept them out. But the underscore rule applies
only to a module *without* `__all__`, which then also exports every module it imported; a module
with `__all__` exports whatever it lists, underscore or not. Every name in `__all__` must exist: a
missing one makes `import *` fail.
"""

import ast
import os
import subprocess
import sys

from pytest_katas import __

STAR_IMPORT = """\
try:
    from mymodule import *
except Exception as error:
    print(repr(type(error).__name__))
else:
    print({name for name in dir() if not name.startswith("__")})
"""

MYMODULE = """\
# mymodule.py
__all__ = ['public_func', 'PublicClass']

def public_func():
    return "This is public"

def _private_func():
    return "This is private"

class PublicClass:
    pass

class _PrivateClass:
    pass
"""


def star_import(root, module_source):
    """Save module_source as mymodule.py, star-import it in a fresh Python and return the set of
    names it bound (or the name of the exception, if the import failed)."""
    (root / "mymodule.py").write_text(module_source)
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "COVERAGE_"))
    }
    done = subprocess.run(
        [sys.executable, "-c", STAR_IMPORT],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return ast.literal_eval(done.stdout)


def test_a_star_import_with_all(tmp_path):
    assert star_import(tmp_path, MYMODULE) == __


def test_a_star_import_without_all(tmp_path):
    source = """\
import json

def public_func():
    return "This is public"

def _private_func():
    return "This is private"
"""
    assert star_import(tmp_path, source) == __


def test_an_underscore_name_listed_in_all(tmp_path):
    source = """\
__all__ = ['public_func', '_private_func']

def public_func():
    return "This is public"

def _private_func():
    return "This is private"
"""
    assert star_import(tmp_path, source) == __


def test_a_name_in_all_that_does_not_exist(tmp_path):
    source = """\
__all__ = ['public_func', 'missing']

def public_func():
    return "This is public"
"""
    assert star_import(tmp_path, source) == __
