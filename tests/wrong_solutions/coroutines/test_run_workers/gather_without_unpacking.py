"""Hands gather one generator instead of the coroutines as separate arguments (the `*` is missing)."""


async def run_workers(n, events):
    return await asyncio.gather(worker(i, events) for i in range(n))
