"""Re-yields each value with a for loop: the values come out, but a for loop swallows each
generator's StopIteration, so the return values are lost and the total stays 0."""


def chain_all(*gens):
    total = 0
    for gen in gens:
        for value in gen:
            yield value
    return total
