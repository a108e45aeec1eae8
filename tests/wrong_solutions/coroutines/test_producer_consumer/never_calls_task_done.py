"""Never calls task_done(): queue.join() waits for ever."""


async def consume(queue, results):
    count = 0
    while True:
        item = await queue.get()
        if item is None:
            return count
        results.append(item * 10)
        count += 1
