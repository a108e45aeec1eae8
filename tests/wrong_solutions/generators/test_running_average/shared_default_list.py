"""A mutable default argument keeps the numbers: every generator shares one list, so a second
running average includes the numbers sent to the first."""


def running_average(numbers=[]):  # noqa: B006 (the mistake this file shows)
    average = None
    while True:
        number = yield average
        numbers.append(number)
        average = sum(numbers) / len(numbers)
