"""gather with return_exceptions=True: the error sits in the list as a result and is never raised."""


async def run_all(*coros):
    return await asyncio.gather(*coros, return_exceptions=True)
