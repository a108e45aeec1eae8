"""inspect.getgeneratorstate() names a generator's four states: created, running, suspended, closed.

GEN_CREATED: made, body not started. GEN_RUNNING: executing right now, which only code inside
the generator (or code it calls) can ever observe. GEN_SUSPENDED: paused at a yield, including
the last one. GEN_CLOSED: finished, whether it returned, raised or was closed.
"""

import inspect

from pytest_katas import __


def two_steps():
    yield 1
    yield 2


def self_observing(box):
    """Yields its own state, looked up from inside its body: box[0] is this very generator."""
    yield inspect.getgeneratorstate(box[0])


def test_state_of_a_new_generator():
    gen = two_steps()
    assert inspect.getgeneratorstate(gen) == inspect.GEN_CREATED


def test_states_while_a_for_loop_drives_it():
    gen = two_steps()
    states = []
    for _ in gen:
        states.append(inspect.getgeneratorstate(gen))
    states.append(inspect.getgeneratorstate(gen))
    assert states == [inspect.GEN_SUSPENDED, inspect.GEN_SUSPENDED, inspect.GEN_CLOSED]


def test_state_seen_from_inside_its_body():
    box = []
    gen = self_observing(box)
    box.append(gen)
    assert next(gen) == inspect.GEN_RUNNING
