"""Catches CancelledError, thinking the timeout arrives as a cancel: wait_for raises a TimeoutError."""


async def with_timeout(aw, seconds, default):
    try:
        return await asyncio.wait_for(aw, seconds)
    except asyncio.CancelledError:
        return default
