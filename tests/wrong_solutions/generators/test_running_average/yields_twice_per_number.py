"""Yields once to receive and once more to report, so every other send() gets None back instead of
the new average."""


def running_average():
    total = 0
    count = 0
    average = None
    while True:
        number = yield
        total += number
        count += 1
        average = total / count
        yield average
