"""Stops as soon as one coroutine finishes, leaving the others unfinished and their results unset."""


def run_all(*coros):
    from collections import deque

    results = [None] * len(coros)
    queue = deque(enumerate(coros))
    while queue:
        index, coro = queue.popleft()
        try:
            coro.send(None)
        except StopIteration as stop:
            results[index] = stop.value
            return results
        queue.append((index, coro))
    return results
