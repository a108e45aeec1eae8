"""The try wraps the whole loop: the first Reset is handled, then counting goes on outside any try,
so a second Reset escapes."""


def counter(start):
    n = start
    try:
        while True:
            yield n
            n += 1
    except Reset:
        n = start
        while True:
            yield n
            n += 1
