"""Returns the gather future itself instead of awaiting it, so the caller gets no list of results."""


async def run_workers(n, events):
    return asyncio.gather(*(worker(i, events) for i in range(n)))
