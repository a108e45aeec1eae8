"""gen.close() stops a paused generator early, and its finally blocks run on the way out.

The code after the paused yield never runs, but every finally around it does, so cleanup written
there happens, and the generator is closed. Leaving a for loop early with break does not close the
generator: it stays suspended, its finally not yet run, until close() is called or the generator
is garbage collected.
"""

import inspect

from pytest_katas import __


def numbers(log):
    try:
        log.append("start")
        yield 1
        log.append("after 1")
        yield 2
        log.append("after 2")
    finally:
        log.append("cleanup")


def test_close_runs_the_finally_block_and_closes_it():
    log = []
    gen = numbers(log)
    next(gen)
    gen.close()
    log.append(inspect.getgeneratorstate(gen))
    assert log == ["start", "cleanup", inspect.GEN_CLOSED]


def test_breaking_out_of_a_for_loop_does_not_close_it():
    log = []
    gen = numbers(log)
    for _ in gen:
        break
    log.append(inspect.getgeneratorstate(gen))
    gen.close()
    assert log == ["start", inspect.GEN_SUSPENDED, "cleanup"]
