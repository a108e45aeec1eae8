"""Counts every item taken, the None included, so the count is one too many."""


async def consume(queue, results):
    count = 0
    while True:
        item = await queue.get()
        queue.task_done()
        count += 1
        if item is None:
            return count
        results.append(item * 10)
