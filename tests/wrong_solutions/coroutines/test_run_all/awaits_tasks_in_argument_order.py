"""Runs tasks concurrently but awaits them in argument order: a failure is noticed only when its
turn comes, so an earlier argument's later error comes out instead of the first one."""


async def run_all(*coros):
    tasks = [asyncio.create_task(coro) for coro in coros]
    try:
        return [await task for task in tasks]
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
