"""A function can name its caller by walking the frame stack: `currentframe().f_back.f_back`.

`inspect.currentframe()` inside `caller_name` is `caller_name`'s own frame; one `f_back` up is the
function that called it (say `log`), and one more is the function that called `log`. That is how
logging libraries print the function a message came from. A frame you hold keeps its callers alive,
so a helper like this should read what it needs and let go of the frame (`del frame`) before
returning.
"""

import inspect

from pytest_katas import __


def caller_name():
    """Return the name of the function that called the function that called caller_name().

    With `def log(): return caller_name()` and `def save(): return log()`, save() returns 'save'.
    Code at module level runs in a frame named '<module>'.
    """
    frame = inspect.currentframe()
    try:
        return frame.f_back.f_back.f_code.co_name
    finally:
        del frame


def log():
    return caller_name()


def save():
    return log()


def load():
    return log()


class Cart:
    def empty(self):
        return log()


def test_names_the_function_that_called_log():
    assert save() == "save"


def test_names_whichever_function_called_log():
    assert load() == "load"


def test_a_method_is_named_without_its_class():
    assert Cart().empty() == "empty"


def test_module_level_code_is_named_module():
    namespace = {"log": log}
    exec("result = log()\n", namespace)
    assert namespace["result"] == "<module>"
