"""close() raises GeneratorExit at the paused yield: a generator may clean up, then must finish.

GeneratorExit derives from BaseException, not from Exception, so `except Exception` lets it pass
by. A generator may catch it to clean up, and may even run on to the end of its body; close()
only insists that it finishes (returns, or lets GeneratorExit or another exception out) without
yielding again. Yielding instead is an error (next kata).
"""

from pytest_katas import __


def clauses_that_catch(error_class):
    """The except clauses, among a few, that would catch an exception of this class."""
    clauses = {
        "except Exception": Exception,
        "except GeneratorExit": GeneratorExit,
        "except StopIteration": StopIteration,
        "except BaseException": BaseException,
    }
    return [clause for clause, caught in clauses.items() if issubclass(error_class, caught)]


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


def test_close_raises_generatorexit_which_only_some_clauses_catch():
    seen = []
    gen = spy(seen)
    next(gen)
    gen.close()
    assert [type(seen[0]), clauses_that_catch(type(seen[0]))] == __


def test_except_exception_lets_it_by_and_a_handler_may_finish():
    careless_log, tidy_log = [], []
    for gen in [careless(careless_log), tidy(tidy_log)]:
        next(gen)
        gen.close()
    assert [careless_log, tidy_log] == __
