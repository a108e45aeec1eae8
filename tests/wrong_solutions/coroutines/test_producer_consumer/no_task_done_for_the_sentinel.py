"""Returns on None before calling task_done() for it: join() still counts one item as unfinished."""


async def consume(queue, results):
    count = 0
    while True:
        item = await queue.get()
        if item is None:
            return count
        results.append(item * 10)
        count += 1
        queue.task_done()
