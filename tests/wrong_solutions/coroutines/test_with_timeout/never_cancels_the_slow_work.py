"""Waits with a timeout but never cancels the late work: it is left running in the background."""


async def with_timeout(aw, seconds, default):
    task = asyncio.ensure_future(aw)
    done, _ = await asyncio.wait({task}, timeout=seconds)
    return task.result() if done else default
