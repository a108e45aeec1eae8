"""Inside a coroutine use `asyncio.get_running_loop()`; `get_event_loop()` outside one varies.

It is often said that `asyncio.get_event_loop()` simply gets the current loop. Inside a coroutine it
does return the running loop. Outside a running loop it depends on the version and on what ran
before: in a fresh process 3.10 and 3.11 quietly create a loop (some early 3.10.x and 3.11.x patch
releases warned), 3.12 and 3.13 create one with a `DeprecationWarning`; once an `asyncio.run(...)`
has finished (it leaves no current loop behind), every version raises `RuntimeError` (3.14 raises
whenever no loop is set). Those steps run a fresh interpreter, because in this process the answer
would depend on which tests ran earlier; before 3.12 the warnings step ignores `DeprecationWarning`,
so that its answer holds on every patch release. `get_running_loop()` never creates anything: it
returns the running loop or raises `RuntimeError`.
"""

import asyncio
import json
import os
import subprocess
import sys

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

def outcome(get_loop):
    try:
        loop = get_loop()
    except Exception as err:
        return type(err).__name__
    return "the running loop" if loop.is_running() else "a loop that is not running"

async def from_a_coroutine():
    return outcome(asyncio.get_event_loop)

before = outcome(asyncio.get_event_loop)
inside = asyncio.run(from_a_coroutine())
after = outcome(asyncio.get_event_loop)
running_loop_outside = outcome(asyncio.get_running_loop)
print(json.dumps([before, inside, after, running_loop_outside]))
"""


def test_before_inside_and_after_asyncio_run(tmp_path):
    assert run_fresh(tmp_path, OUTCOME) == [
        "a loop that is not running",
        "the running loop",
        "RuntimeError",
        "RuntimeError",
    ]


def test_from_3_12_outside_a_loop_it_warns(tmp_path):
    code = """
import asyncio, json, sys, warnings

def categories_of_warnings_from(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if sys.version_info < (3, 12):
            # 3.10.0 to 3.10.9 and 3.11.0 to 3.11.1 warned here, later patch releases do not
            warnings.simplefilter("ignore", DeprecationWarning)
        try:
            call()
        except RuntimeError:
            pass
    return [w.category.__name__ for w in caught]

async def from_a_coroutine():
    return categories_of_warnings_from(asyncio.get_event_loop)

outside = categories_of_warnings_from(asyncio.get_event_loop)
inside = asyncio.run(from_a_coroutine())
after = categories_of_warnings_from(asyncio.get_event_loop)
print(json.dumps([outside, inside, after]))
"""
    expected = [["DeprecationWarning"], [], []] if sys.version_info >= (3, 12) else [[], [], []]
    assert run_fresh(tmp_path, code) == expected
