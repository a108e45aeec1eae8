"""A paused generator keeps its frame, `gen.gi_frame`, with all its locals, until the body ends.

An ordinary call's frame lasts as long as the call. A generator's body runs in a frame too, but
`yield` pauses it instead of ending it: `next(gen)` runs the body up to the next `yield`, hands out
the value and leaves the frame waiting, with every local variable and the line it stopped at,
in `gen.gi_frame`. The next `next(gen)` resumes that very frame. So whatever the locals refer to
stays alive for as long as the generator is paused, even when nothing else refers to it. When the
body runs to its end, the frame is done: its locals are freed and `gi_frame` becomes `None`. A
paused generator that is dropped (its last reference gone) is not just thrown away: Python first
closes it, raising `GeneratorExit` at the paused `yield` so that its `finally` blocks run, and then
frees its frame, at once, by reference counting; `gen.close()`, a later topic, closes it on demand.
From 3.11, `gen.gi_suspended` says whether the generator is paused at a `yield` right now.
Coroutines keep their frame in the same way, as `coro.cr_frame` (with `cr_suspended` from 3.11).
"""

import contextlib
import gc
import inspect

from pytest_katas import __


class Payload:
    """An object that records in `events` when it is freed."""

    def __init__(self, events):
        self.events = events

    def __del__(self):
        self.events.append("payload freed")


@contextlib.contextmanager
def collector_off():
    """Turn the cycle collector off inside the block (and back on after it, if it was on)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def countdown(n):
    while n > 0:
        step = n
        yield step
        n -= 1


def three_steps():
    yield "first"
    yield "second"
    yield "third"


def hold(events):
    payload = Payload(events)
    try:
        yield "holding"
        events.append("resumed")
    finally:
        events.append("finally ran")


def locals_of(gen):
    """The local variables of the generator's frame, or None when it has no frame."""
    return None if gen.gi_frame is None else dict(gen.gi_frame.f_locals)


def test_the_locals_between_next_calls():
    gen = countdown(2)
    seen = []
    for _ in range(2):
        next(gen)
        seen.append(locals_of(gen))
    assert seen == [{"n": 2, "step": 2}, {"n": 1, "step": 1}]


def test_the_line_of_a_paused_frame():
    gen = three_steps()
    next(gen)
    next(gen)
    line = inspect.getframeinfo(gen.gi_frame).code_context[0].strip()
    assert line == 'yield "second"'


def test_the_frame_once_the_body_ends():
    gen = countdown(1)
    next(gen)
    seen = [locals_of(gen), list(gen), locals_of(gen)]
    assert seen == [{"n": 1, "step": 1}, [], None]


def test_events_while_a_for_loop_finishes_it():
    events = []
    with collector_off():
        gen = hold(events)
        next(gen)
        events.append("paused")
        for _ in gen:
            pass
        events.append("finished")
    assert events == ["paused", "resumed", "finally ran", "payload freed", "finished"]


def test_events_when_a_paused_generator_is_dropped():
    events = []
    with collector_off():
        gen = hold(events)
        next(gen)
        events.append("paused")
        del gen
        events.append("dropped")
    assert events == ["paused", "finally ran", "payload freed", "dropped"]
