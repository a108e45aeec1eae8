"""Cancels the late work but does not await it: it has not finished cancelling when the default returns."""


async def with_timeout(aw, seconds, default):
    task = asyncio.ensure_future(aw)
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if done:
        return task.result()
    task.cancel()
    return default
