"""Awaits each worker in turn: each runs to its end before the next starts, so nothing is concurrent."""


async def run_workers(n, events):
    return [await worker(i, events) for i in range(n)]
