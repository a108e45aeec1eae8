"""Looks for the variable that activation sets: running a venv's python by its path sets none."""


def is_inside_venv():
    import os

    return "VIRTUAL_ENV" in os.environ
