"""Takes the coroutine from the back of the queue (a stack): the last one runs to its end first."""


def run_all(*coros):
    from collections import deque

    results = [None] * len(coros)
    queue = deque(enumerate(coros))
    while queue:
        index, coro = queue.pop()
        try:
            coro.send(None)
        except StopIteration as stop:
            results[index] = stop.value
        else:
            queue.append((index, coro))
    return results
