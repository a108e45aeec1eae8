"""Hands the coroutines to asyncio instead of driving them: asyncio's Task refuses the "turn" that
Yield yields (RuntimeError), because a Task accepts only None or a Future from a yield."""


def run_all(*coros):
    import asyncio

    async def main():
        return list(await asyncio.gather(*coros))

    return asyncio.run(main())
