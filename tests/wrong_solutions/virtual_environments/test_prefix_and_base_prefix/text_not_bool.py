"""Returns the answer as text, "True" or "False", not as a bool."""


def is_inside_venv():
    return str(sys.prefix != sys.base_prefix)
