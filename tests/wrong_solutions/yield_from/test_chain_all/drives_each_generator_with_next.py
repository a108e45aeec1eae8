"""Drives each generator with next() and collects its return value from StopIteration: the values
and the total are right, but what is sent or thrown into chain_all never reaches the generator."""


def chain_all(*gens):
    total = 0
    for gen in gens:
        while True:
            try:
                value = next(gen)
            except StopIteration as stop:
                total += stop.value
                break
            yield value
    return total
