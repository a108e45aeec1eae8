"""If the generator handles the thrown exception and then returns, throw() raises StopIteration.

throw() hands back the next value the generator yields. When the generator returns instead,
there is no next value, so throw() ends the way next() would have: with StopIteration, whose
value is the generator's return value, and the generator is closed.
"""

import pytest

from pytest_katas import __


def fetch():
    try:
        yield "page 1"
    except TimeoutError:
        return "gave up"
    yield "page 2"


def test_throw_raises_stopiteration_carrying_the_return_value():
    gen = fetch()
    next(gen)
    with pytest.raises(Exception) as info:
        gen.throw(TimeoutError())
    assert [info.type, info.value.value] == __
