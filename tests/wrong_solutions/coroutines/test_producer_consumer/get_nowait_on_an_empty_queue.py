"""Uses get_nowait: a consumer that starts before the producer finds the queue empty and fails."""


async def consume(queue, results):
    count = 0
    while True:
        item = queue.get_nowait()
        queue.task_done()
        if item is None:
            return count
        results.append(item * 10)
        count += 1
