"""Cancels and waits on a failure, but catches only Exception: when run_all itself is cancelled
at its await, the CancelledError (a BaseException) goes straight out, and its tasks are left
running."""


async def run_all(*coros):
    tasks = [asyncio.create_task(coro) for coro in coros]
    try:
        for next_done in asyncio.as_completed(tasks):
            await next_done
    except Exception:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return [task.result() for task in tasks]
