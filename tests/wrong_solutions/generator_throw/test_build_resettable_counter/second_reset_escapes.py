"""The reset is handled outside the loop's try, so a second Reset in a row escapes."""


def counter(start):
    n = start
    while True:
        try:
            yield n
        except Reset:
            n = start
            yield n
        n += 1
