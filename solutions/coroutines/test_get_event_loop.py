"""Inside a coroutine use `asyncio.get_running_loop()`; `get_event_loop()` outside one varies.

The seed note says `asyncio.get_event_loop()` gets the current loop. Outside a running loop it
depends on the version and on what ran before: in a fresh process 3.10 and 3.11 quietly create a
loop (some early 3.10.x and 3.11.x patch releases warned), 3.12 and 3.13 create one with a
`DeprecationWarning`; once an `asyncio.run(...)` has finished (it leaves no current loop behind),
every version raises `RuntimeError: There is no current event loop in thread 'MainThread'.` (3.14
raises whenever no loop is set). Those steps run a fresh interpreter, because in this process the
answer would depend on which tests ran earlier. `get_running_loop()` never creates anything: it
returns the running loop or raises.
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
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTHON")}
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_in_a_fresh_process_it_makes_a_loop(tmp_path):
    code = """
import asyncio, json, warnings
warnings.simplefilter("ignore")
loop = asyncio.get_event_loop()
print(json.dumps(isinstance(loop, asyncio.AbstractEventLoop)))
"""
    assert run_fresh(tmp_path, code) == True


def test_from_3_12_that_comes_with_a_warning(tmp_path):
    code = """
import asyncio, json, warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    asyncio.get_event_loop()
print(json.dumps([w.category.__name__ for w in caught]))
"""
    expected = ["DeprecationWarning"] if sys.version_info >= (3, 12) else []
    assert run_fresh(tmp_path, code) == expected


def test_after_asyncio_run_it_raises(tmp_path):
    code = """
import asyncio, json
asyncio.run(asyncio.sleep(0))
try:
    asyncio.get_event_loop()
    print(json.dumps("no error"))
except Exception as err:
    print(json.dumps(type(err).__name__))
"""
    assert run_fresh(tmp_path, code) == "RuntimeError"


def test_inside_a_coroutine_both_give_the_running_loop():
    async def main():
        return asyncio.get_event_loop() is asyncio.get_running_loop()

    assert asyncio.run(main()) == True


def test_get_running_loop_outside_a_loop_raises():
    with pytest.raises(BaseException) as caught:
        asyncio.get_running_loop()
    assert caught.type is RuntimeError
