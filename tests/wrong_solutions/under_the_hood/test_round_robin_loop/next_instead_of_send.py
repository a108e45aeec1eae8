"""Calls next() as on a generator: a coroutine has no __next__, so next() raises TypeError."""


def run_all(*coros):
    from collections import deque

    results = [None] * len(coros)
    queue = deque(enumerate(coros))
    while queue:
        index, coro = queue.popleft()
        try:
            next(coro)
        except StopIteration as stop:
            results[index] = stop.value
        else:
            queue.append((index, coro))
    return results
