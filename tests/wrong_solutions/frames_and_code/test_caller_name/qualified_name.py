"""Reports the qualified name, `co_qualname` (3.11+; 3.10 has no such attribute): a method comes out
as `Cart.empty`, where the step wants the bare name from the `def`."""


def caller_name():
    return inspect.currentframe().f_back.f_back.f_code.co_qualname
