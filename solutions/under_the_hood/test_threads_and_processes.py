"""CPU-bound work needs processes: threads share their process's GIL; each process has its own.

It is often said that threads suit CPU-bound work. In fact CPython's global interpreter lock (GIL)
lets one thread of a process run Python code at a time. A computing thread keeps the GIL until it
blocks or until a waiting thread, after `sys.getswitchinterval()` seconds, asks for it: with the
interval raised out of reach, two computing threads run strictly one after the other. Each process
has its own interpreter and its own GIL: a process busy computing does not hold up another, whose
busy loop goes on. The second step shows just that, and no more: it passes on a single core too,
where the operating system runs the two processes in turns (preemption). What makes processes the
tool for CPU-bound work is that, with no GIL in common, the system is free to run them at the same
instant on several cores; threads cannot run Python code in parallel. (The free-threaded build,
3.13t, has no GIL; the standard builds all have one.)
"""

import os
import subprocess
import sys
import sysconfig
import threading
import time

import pytest

from pytest_katas import __

free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


def spin(me, other, flags, log):
    """Raise my flag, then compute (spin) until the other's flag is up or 50 ms have passed."""
    flags.add(me)
    deadline = time.monotonic() + 0.05
    while other not in flags and time.monotonic() < deadline:
        pass  # busy: this thread computes, it never sleeps and never blocks
    log.append(f"{me} saw {other if other in flags else 'nothing'}")


@pytest.mark.skipif(free_threaded, reason="a free-threaded build has no GIL")
def test_cpu_bound_threads_take_turns():
    flags, log = set(), []
    threads = [
        threading.Thread(target=spin, args=(me, other, flags, log))
        for me, other in [("a", "b"), ("b", "a")]
    ]
    old_interval = sys.getswitchinterval()
    sys.setswitchinterval(100)  # nobody asks a computing thread for the GIL for 100 s
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(old_interval)
    assert log == ["a saw nothing", "b saw a"]


SPIN = """
# the same spin, in a process of its own, with files for flags
import pathlib, sys, time
sys.setswitchinterval(100)
me, other = sys.argv[1], sys.argv[2]
pathlib.Path(me).touch()
deadline = time.monotonic() + 10
while not pathlib.Path(other).exists() and time.monotonic() < deadline:
    pass  # busy: this process computes, it never sleeps
print(me, "saw", other if pathlib.Path(other).exists() else "nothing")
"""


def test_a_busy_process_does_not_hold_up_another(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "COVERAGE_"))
    }
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
