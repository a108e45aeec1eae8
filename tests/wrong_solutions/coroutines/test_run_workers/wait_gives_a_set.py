"""asyncio.wait returns sets of tasks: no argument order, and it refuses an empty set of tasks."""


async def run_workers(n, events):
    done, _ = await asyncio.wait([asyncio.create_task(worker(i, events)) for i in range(n)])
    return [task.result() for task in done]
