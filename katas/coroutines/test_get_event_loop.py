"""Inside a coroutine use `asyncio.get_running_loop()`; `get_event_loop()` outside one varies.

It is often said that `asyncio.get_event_loop()` simply gets the current loop. Inside a coroutine it
does return the running loop. Outside a running loop it depends on the version and on what ran
before: in a fresh process 3.10 and 3.11 quietly create a loop (some early 3.10.x and 3.11.x patch
releases warned), 3.12 and 3.13 create one with a `DeprecationWarning`; once an `asyncio.run(...)`
has finished (it leaves no current loop behind), every version raises `RuntimeError` (3.14 raises
whenever no loop is set). Those steps run a fresh interpreter, because in this process the answer
would depend on which tests ran earlier. `get_running_loop()` never creates anything: it returns
the running loop or raises `RuntimeError`.
"""

import asyncio
import json
import os
import subprocess
import sys

import pytest

from pytest_katas import __


def run_fresh(tmp_path, code):
    """Runs code in a new interpreter and returns what it printed, parsed as JSON."""
    script = tmp_path / "script.py"
    script.write_text(code)
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTHON", "COVERAGE_"))
    }
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


OUTCOME = """
import asyncio, json, warnings
warnings.simplefilter("ignore")

def outcome():
    try:
        loop = asyncio.get_event_loop()
    except Exception as err:
        return type(err).__name__
    return "the running loop" if loop.is_running() else "a loop that is not running"

async def from_a_coroutine():
    return outcome()

before = outcome()
inside = asyncio.run(from_a_coroutine())
after = outcome()
print(json.dumps([before, inside, after]))
"""


def test_before_inside_and_after_asyncio_run(tmp_path):
    assert run_fresh(tmp_path, OUTCOME) == __


def test_from_3_12_outside_a_loop_it_warns(tmp_path):
    code = """
import asyncio, json, warnings

def categories_of_warnings_from(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [w.category.__name__ for w in caught]

async def from_a_coroutine():
    return categories_of_warnings_from(asyncio.get_event_loop)

outside = categories_of_warnings_from(asyncio.get_event_loop)
inside = asyncio.run(from_a_coroutine())
print(json.dumps([outside, inside]))
"""
    expected = __ if sys.version_info >= (3, 12) else __
    assert run_fresh(tmp_path, code) == expected


def test_get_running_loop_outside_a_loop_raises():
    with pytest.raises(__):
        asyncio.get_running_loop()
