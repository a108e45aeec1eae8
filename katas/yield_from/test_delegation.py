"""Inside `yield from inner`, each next, send, throw and close goes straight to the inner generator.

The outer generator is only a relay: values the inner one yields come out to the caller, values and
exceptions the caller sends in reach the inner one at its `yield`, and closing the outer generator
closes the inner one first. An exception the inner generator does not handle comes out of it into
the outer one, at its `yield from`. The outer generator resumes only when the inner one is finished.
"""

from pytest_katas import __


def test_next_gets_the_values_the_inner_generator_yields():
    def inner():
        yield "inner 1"
        yield "inner 2"

    def outer():
        yield "outer before"
        yield from inner()
        yield "outer after"

    assert list(outer()) == __


def test_a_sent_value_reaches_the_inner_generator():
    def inner():
        word = yield "inner ready"
        yield f"inner got {word}"

    def outer():
        yield from inner()
        yield "outer resumed"

    gen = outer()
    next(gen)
    assert [gen.send("hello"), gen.send("again")] == __


def test_a_thrown_exception_is_raised_in_the_inner_generator_first():
    def inner():
        try:
            yield "inner waiting"
        except ValueError as err:
            yield f"inner caught {err}"

    def outer():
        try:
            yield from inner()
        except ValueError as err:
            yield f"outer caught {err}"

    gen = outer()
    next(gen)
    replies = [gen.throw(ValueError("boom")), gen.throw(ValueError("bang"))]
    assert replies == __


def test_closing_the_outer_generator_closes_the_inner_one_too():
    log = []

    def inner():
        try:
            yield "inner waiting"
        finally:
            log.append("inner finally")

    def outer():
        try:
            yield from inner()
        except GeneratorExit:
            log.append("outer caught GeneratorExit")
            raise
        finally:
            log.append("outer finally")

    gen = outer()
    next(gen)
    gen.close()
    assert log == __
