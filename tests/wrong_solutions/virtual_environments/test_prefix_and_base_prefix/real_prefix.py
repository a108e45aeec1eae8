"""Checks sys.real_prefix, which only virtualenv releases before 20 set: venv never does."""


def is_inside_venv():
    return hasattr(sys, "real_prefix")
