"""Waits with FIRST_EXCEPTION and cancels the rest, but collects each result as its task finishes:
the list comes back in finishing order, not in argument order."""


async def run_all(*coros):
    results = []

    def collect(task):
        if not task.cancelled() and task.exception() is None:
            results.append(task.result())

    tasks = [asyncio.create_task(coro) for coro in coros]
    for task in tasks:
        task.add_done_callback(collect)
    if not tasks:
        return []
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending)
    for task in done:
        if task.exception() is not None:
            raise task.exception()
    return results
