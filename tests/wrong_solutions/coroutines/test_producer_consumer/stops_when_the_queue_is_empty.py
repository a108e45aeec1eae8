"""Loops while the queue is not empty: an empty queue is not the end, only the None sentinel is."""


async def consume(queue, results):
    count = 0
    while not queue.empty():
        item = await queue.get()
        queue.task_done()
        if item is None:
            break
        results.append(item * 10)
        count += 1
    return count
