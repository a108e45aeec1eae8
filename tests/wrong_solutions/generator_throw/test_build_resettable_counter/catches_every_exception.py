"""`except Exception` resets on any exception: a ValueError thrown in should end the generator,
not restart the count."""


def counter(start):
    n = start
    while True:
        try:
            yield n
        except Exception:
            n = start
        else:
            n += 1
