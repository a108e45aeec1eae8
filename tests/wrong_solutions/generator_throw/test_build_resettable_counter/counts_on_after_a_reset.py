"""Adds one after every yield, reset or not: throw(Reset()) returns start + 1 instead of start."""


def counter(start):
    n = start
    while True:
        try:
            yield n
        except Reset:
            n = start
        n += 1
