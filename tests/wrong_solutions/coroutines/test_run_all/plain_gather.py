"""Plain gather: the first error comes out at once, but nothing is cancelled and the others run on."""


async def run_all(*coros):
    return await asyncio.gather(*coros)
