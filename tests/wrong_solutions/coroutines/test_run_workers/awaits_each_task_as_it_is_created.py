"""Wraps each worker in a task but awaits it at once, before creating the next: still one at a time."""


async def run_workers(n, events):
    results = []
    for i in range(n):
        results.append(await asyncio.create_task(worker(i, events)))
    return results
