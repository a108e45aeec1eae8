"""Tests `if not item`: a 0 is falsy too, so it ends the stream early instead of being processed."""


async def consume(queue, results):
    count = 0
    while True:
        item = await queue.get()
        queue.task_done()
        if not item:
            return count
        results.append(item * 10)
        count += 1
