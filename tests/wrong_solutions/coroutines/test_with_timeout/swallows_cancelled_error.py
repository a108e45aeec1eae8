"""Treats a cancel like a timeout: cancelling the caller's task gives the default and the cancel is lost."""


async def with_timeout(aw, seconds, default):
    try:
        return await asyncio.wait_for(aw, seconds)
    except (asyncio.TimeoutError, asyncio.CancelledError):
        return default
