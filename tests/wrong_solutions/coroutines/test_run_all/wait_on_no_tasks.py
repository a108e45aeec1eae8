"""Right for one or more coroutines, but asyncio.wait refuses an empty set with ValueError, so a call
with no coroutines fails instead of returning []."""


async def run_all(*coros):
    tasks = [asyncio.create_task(coro) for coro in coros]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    if pending:
        for task in pending:
            task.cancel()
        await asyncio.wait(pending)
        for task in done:
            if task.exception() is not None:
                raise task.exception()
    return [task.result() for task in tasks]
