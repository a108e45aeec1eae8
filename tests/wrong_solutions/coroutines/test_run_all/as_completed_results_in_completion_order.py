"""Cancels and waits correctly on a failure, but appends each result as it comes out of
as_completed: the list comes back in finishing order, not in argument order."""


async def run_all(*coros):
    tasks = [asyncio.create_task(coro) for coro in coros]
    results = []
    try:
        for next_done in asyncio.as_completed(tasks):
            results.append(await next_done)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return results
