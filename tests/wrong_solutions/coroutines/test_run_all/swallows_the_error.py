"""Cancels the others and waits for them, then swallows the error: the caller never hears of it."""


async def run_all(*coros):
    tasks = [asyncio.create_task(coro) for coro in coros]
    try:
        for next_done in asyncio.as_completed(tasks):
            await next_done
    except Exception:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        return None
    return [task.result() for task in tasks]
