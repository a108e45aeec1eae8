"""CPU-bound work needs processes: under the GIL, threads only take turns running Python code.

The seed note's table says threads suit CPU-bound work. In fact CPython's global interpreter lock
(GIL) lets one thread of a process run Python code at a time. A computing thread keeps the GIL until
it blocks or until a waiting thread, after `sys.getswitchinterval()` seconds, asks for it: with the
interval raised out of reach, two computing threads run strictly one after the other. Each process
has its own interpreter and its own GIL, so computing processes run at the same time, on several
cores when there are. Threads suit blocking I/O, processes CPU-bound work. (The free-threaded
build, 3.13t, has no GIL; the standard builds all have one.)
"""

import os
import subprocess
import sys
import sysconfig
import threading

import pytest

from pytest_katas import __

free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


def run_two_threads(target):
    """Run target("a", log) and target("b", log) in two threads; return the start/end order."""
    log = []
    threads = [threading.Thread(target=target, args=(name, log)) for name in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [entry.split()[1] for entry in log]


@pytest.mark.skipif(free_threaded, reason="a free-threaded build has no GIL")
def test_cpu_bound_threads_take_turns():
    def compute(name, log):
        log.append(f"{name} start")
        total = 0
        for i in range(100_000):
            total += i
        log.append(f"{name} end")

    old_interval = sys.getswitchinterval()
    sys.setswitchinterval(100)  # nobody asks a computing thread for the GIL for 100 s
    try:
        order = run_two_threads(compute)
    finally:
        sys.setswitchinterval(old_interval)
    assert order == ["start", "end", "start", "end"]


SPIN = """
import pathlib, sys, time
sys.setswitchinterval(100)
me, other = sys.argv[1], sys.argv[2]
pathlib.Path(me).touch()
deadline = time.monotonic() + 10
while not pathlib.Path(other).exists() and time.monotonic() < deadline:
    pass  # busy: this process computes, it never sleeps and never blocks
print(me, "saw", other if pathlib.Path(other).exists() else "nothing")
"""


def test_cpu_bound_processes_run_at_the_same_time(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", SPIN, me, other],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for me, other in [("a", "b"), ("b", "a")]
    ]
    outputs = [process.communicate(timeout=30)[0].strip() for process in processes]
    assert outputs == ["a saw b", "b saw a"]
