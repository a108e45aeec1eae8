"""Catches Exception instead of the timeout: a failing awaitable gives the default instead of its error."""


async def with_timeout(aw, seconds, default):
    try:
        return await asyncio.wait_for(aw, seconds)
    except Exception:
        return default
