"""close() raises GeneratorExit at the paused yield: a generator may clean up, then must finish.

GeneratorExit derives from BaseException, not from Exception, so `except Exception` lets it pass
by. A generator may catch it to clean up, and may even run on to the end of its body; close()
only insists that it finishes (returns, or lets GeneratorExit or another exception out) without
yielding again. Yielding instead is an error (next kata).
"""

from pytest_katas import __


def spy(seen):
    try:
        yield 1
    except BaseException as exc:
        seen.append(exc)
        raise


def careless(log):
    try:
        yield 1
    except Exception:
        log.append("caught by except Exception")
    log.append("carried on")


def tidy(log):
    try:
        yield 1
        yield 2
    except GeneratorExit:
        log.append("cleaning up")
    log.append("reached the end")


def test_close_raises_generatorexit_at_the_paused_yield():
    seen = []
    gen = spy(seen)
    next(gen)
    gen.close()
    assert type(seen[0]) is __


def test_generatorexit_is_not_an_exception():
    assert GeneratorExit.__bases__ == __


def test_except_exception_does_not_catch_it():
    log = []
    gen = careless(log)
    next(gen)
    gen.close()
    assert log == __


def test_a_generator_may_catch_it_and_finish():
    log = []
    gen = tidy(log)
    next(gen)
    gen.close()
    assert log == __
