"""CPython frees a frame, and the locals it holds, the moment its last reference goes: no GC needed.

A common explanation says that since Python's frames live on the heap, they are "managed by the
garbage collector", cleaned up at some later time. CPython frees almost every object by *reference
counting*: each object counts the references to it, and when the count drops to zero it is freed
on the spot (its `__del__` runs then), and so loses its own references to what it held. Frames are
no exception. A call's local variables are freed when the call returns, unless something kept its
frame; then they are freed when the last reference to that frame goes (`del frame`). The cycle
collector, the `gc` module, exists only for what reference counting cannot free: objects that
refer to one another in a loop, such as a frame stored in one of its own local variables. The steps
turn that collector off (`gc.disable()`) to show that it plays no part until such a cycle appears;
`gc.collect()` still runs it on demand. (Other Pythons, such as PyPy, do not count references, so
portable code closes its files and other resources with `with` instead of waiting for `__del__`.)

Underneath, CPython runs every frame in one C function, `_PyEval_EvalFrameDefault`, the evaluation
loop; its old public entry point `PyEval_EvalFrameEx` remains only as a thin wrapper. PEP 523 lets
a tool such as a JIT compiler or a debugger install a function of its own in its place
(`_PyInterpreterState_SetEvalFrameFunc`); that changes how frames run, not when they are freed.
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


def use_a_payload(events):
    payload = Payload(events)
    events.append("returning")


def keep_the_frame(events):
    payload = Payload(events)
    return inspect.currentframe()


def keep_a_frame_in_itself(events):
    payload = Payload(events)
    me = inspect.currentframe()  # this frame's local `me` now refers to this frame


def test_events_around_a_call_that_returns():
    events = []
    with collector_off():
        use_a_payload(events)
        events.append("returned")
    assert events == ["returning", "payload freed", "returned"]


def test_events_around_a_kept_frame():
    events = []
    with collector_off():
        frame = keep_the_frame(events)
        events.append("call returned")
        same_frame = frame
        del frame
        events.append("one reference dropped")
        del same_frame
        events.append("last reference dropped")
    assert events == [
        "call returned",
        "one reference dropped",
        "payload freed",
        "last reference dropped",
    ]


def test_events_around_a_frame_that_refers_to_itself():
    events = []
    with collector_off():
        keep_a_frame_in_itself(events)
        events.append("returned")
        gc.collect()
        events.append("collected")
    assert events == ["returned", "payload freed", "collected"]
