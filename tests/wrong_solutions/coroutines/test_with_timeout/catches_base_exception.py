"""Catches BaseException: swallows other errors and the caller's own cancellation too."""


async def with_timeout(aw, seconds, default):
    try:
        return await asyncio.wait_for(aw, seconds)
    except BaseException:
        return default
