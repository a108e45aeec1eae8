"""Awaits the coroutines one after another: nothing runs concurrently, and an earlier argument's
error comes out instead of the first one to happen."""


async def run_all(*coros):
    return [await coro for coro in coros]
