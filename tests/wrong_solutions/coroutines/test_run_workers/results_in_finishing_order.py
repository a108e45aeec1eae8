"""Collects results with as_completed: they come in the order the workers finish, not worker order."""


async def run_workers(n, events):
    return [await done for done in asyncio.as_completed([worker(i, events) for i in range(n)])]
