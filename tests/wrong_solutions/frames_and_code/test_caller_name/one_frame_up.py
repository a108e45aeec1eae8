"""Goes one frame up only: that is the function that called caller_name (always `log`), not its
caller."""


def caller_name():
    return inspect.currentframe().f_back.f_code.co_name
