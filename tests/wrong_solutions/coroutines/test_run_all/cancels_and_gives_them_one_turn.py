"""Cancels the others on a failure but gives them a single turn (`await asyncio.sleep(0)`) instead
of waiting for them: a cleanup that needs more than one turn has not finished when it raises."""


async def run_all(*coros):
    tasks = [asyncio.create_task(coro) for coro in coros]
    try:
        return await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.sleep(0)
        raise
