"""A frame is an object: keep a reference to it and it outlives its call, with everything it holds.

The seed note keeps frames in a list and in a global and reads them after the functions have
returned: the frame still knows its code (`f_code.co_name`) and its caller (`f_back`), and it keeps
the call's local variables alive. That is all true. The note explains it as frames "living on the
heap"; more precisely, since 3.11 CPython runs calls in a cheaper internal structure and creates a
frame *object* only when something such as `inspect.currentframe()` asks for one, and that object
then keeps the locals and the caller's frame alive. Let go of it (`del frame`) when you are done.
"""

import inspect
import weakref

from pytest_katas import __

frame = None


def foo():
    bar()


def bar():
    global frame
    # get this call's frame through inspect
    frame = inspect.currentframe()


class Payload:
    pass


def make_payload():
    payload = Payload()
    return inspect.currentframe(), weakref.ref(payload)


def test_a_stored_frame_still_knows_its_function():
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
    # the calls have ended, yet the frame object is still there
    assert frames[0].f_code.co_name == __


def test_a_stored_frame_still_knows_its_caller():
    foo()
    caller_frame = frame.f_back
    assert caller_frame.f_code.co_name == __


def test_a_stored_frame_keeps_its_local_variables_alive():
    payload_frame, payload_ref = make_payload()
    alive_while_the_frame_is_kept = payload_ref() is not None
    del payload_frame
    alive_once_the_frame_is_dropped = payload_ref() is not None
    assert (alive_while_the_frame_is_kept, alive_once_the_frame_is_dropped) == __
