"""Resets to 0 instead of to its start value."""


def counter(start):
    n = start
    while True:
        try:
            yield n
        except Reset:
            n = 0
        else:
            n += 1
