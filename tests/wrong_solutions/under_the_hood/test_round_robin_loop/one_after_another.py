"""Runs each coroutine to the end before starting the next: no turns are taken at each await."""


def run_all(*coros):
    results = []
    for coro in coros:
        while True:
            try:
                coro.send(None)
            except StopIteration as stop:
                results.append(stop.value)
                break
    return results
