"""A for loop over a fixed range instead of while True: the generator ends after ten numbers and
the next send() raises StopIteration."""


def running_average():
    total = 0
    average = None
    for count in range(1, 11):
        number = yield average
        total += number
        average = total / count
