"""Uses asyncio.TaskGroup: it cancels the others, but raises an ExceptionGroup instead of the error
itself (and on 3.10 there is no TaskGroup at all)."""


async def run_all(*coros):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(coro) for coro in coros]
    return [task.result() for task in tasks]
