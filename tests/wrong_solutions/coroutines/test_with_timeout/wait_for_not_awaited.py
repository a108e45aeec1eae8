"""Returns the wait_for coroutine without awaiting it: the caller gets a coroutine, not the result."""


async def with_timeout(aw, seconds, default):
    try:
        return asyncio.wait_for(aw, seconds)
    except asyncio.TimeoutError:
        return default
