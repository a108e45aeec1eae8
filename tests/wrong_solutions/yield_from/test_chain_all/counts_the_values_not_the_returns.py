"""Adds up the yielded values instead of the return values."""


def chain_all(*gens):
    total = 0
    for gen in gens:
        for value in gen:
            total += value
            yield value
    return total
