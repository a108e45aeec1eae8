"""Starts from average = 0: priming yields 0, but no number has been sent yet, so there is no
average: the kata asks for None."""


def running_average():
    total = 0
    count = 0
    average = 0
    while True:
        number = yield average
        total += number
        count += 1
        average = total / count
