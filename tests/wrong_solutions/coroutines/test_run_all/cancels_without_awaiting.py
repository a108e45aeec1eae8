"""Cancels the others but raises at once: they have not finished cancelling (no finally has run)."""


async def run_all(*coros):
    tasks = [asyncio.create_task(coro) for coro in coros]
    try:
        for next_done in asyncio.as_completed(tasks):
            await next_done
    except BaseException:
        for task in tasks:
            task.cancel()
        raise
    return [task.result() for task in tasks]
