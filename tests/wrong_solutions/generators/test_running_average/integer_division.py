"""Floor division (//) truncates the mean: the average of 1..100 comes out 50, not 50.5."""


def running_average():
    total = 0
    count = 0
    average = None
    while True:
        number = yield average
        total += number
        count += 1
        average = total // count
