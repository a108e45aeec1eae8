"""A frame is an object: keep a reference to it and it outlives its call, with everything it holds.

A frame can be returned, stored in a list or in a global, and read after its function has
returned: it still knows its code (`f_code.co_name`), its local variables (`f_locals`) and its
caller (`f_back`, the caller's frame, kept alive with it, and so on up the chain). The usual
explanation is that, unlike Java's, Python's frames "live on the heap". More precisely, since 3.11
CPython runs calls in a cheaper internal structure and creates a frame *object* only when something
such as `inspect.currentframe()` asks for one; that object then keeps the call's locals and its
caller's frame alive for as long as it is referred to. Let go of it (`del frame`) when you are done.
"""

import inspect

from pytest_katas import __

frame = None


def take_order():
    order = "pizza"
    cook()


def cook():
    global frame
    # get this call's frame through inspect
    frame = inspect.currentframe()


def test_a_frame_kept_in_a_list():
    def bar():
        # get the current frame; a frame object can be returned
        return inspect.currentframe()

    def foo():
        frame = bar()
        # frame objects can be passed around and stored
        frames.append(frame)

    # the list that stores frame objects
    frames = []
    foo()
    # the calls have ended, yet the frame object is still there, and so are its callers' frames
    chain = [frames[0], frames[0].f_back, frames[0].f_back.f_back]
    assert [f.f_code.co_name for f in chain] == ["bar", "foo", "test_a_frame_kept_in_a_list"]


def test_a_frame_kept_in_a_global():
    take_order()
    # take_order has returned; the frame of cook, kept in the global, still leads to its caller
    assert dict(frame.f_back.f_locals) == {"order": "pizza"}
