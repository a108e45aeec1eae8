"""Collects the return values in the order the coroutines finish, not in argument order."""


def run_all(*coros):
    from collections import deque

    results = []
    queue = deque(coros)
    while queue:
        coro = queue.popleft()
        try:
            coro.send(None)
        except StopIteration as stop:
            results.append(stop.value)
        else:
            queue.append(coro)
    return results
