"""Build: a consumer that takes items from an `asyncio.Queue` until a `None` sentinel arrives.

`await queue.get()` suspends the consumer while the queue is empty, which gives the producer its
turn: an empty queue is not the end of the stream, only the sentinel is (test it with `is None`, a
0 is an item too). Call `queue.task_done()` once for every item taken, the sentinel included:
`await queue.join()` returns only when every item ever put has been marked done.
"""

import asyncio

from pytest_katas import __


async def produce(queue, items):
    for item in items:
        await queue.put(item)
    await queue.put(None)  # the sentinel: nothing more will come


async def consume(queue, results):
    """Take items until None arrives, appending item * 10 to results for each.

    Call task_done() for every item taken, the None included. Return how many items (not
    counting the None) were processed.
    """
    count = 0
    while True:
        item = await queue.get()
        queue.task_done()
        if item is None:
            return count
        results.append(item * 10)
        count += 1


def run_pipeline(items, consumer_first=False):
    """Runs produce and consume as two tasks; returns (results, what consume returned)."""

    async def main():
        queue = asyncio.Queue()
        results = []
        if consumer_first:
            count, _ = await asyncio.gather(consume(queue, results), produce(queue, items))
        else:
            _, count = await asyncio.gather(produce(queue, items), consume(queue, results))
        return results, count

    return asyncio.run(main())


def test_every_item_is_processed_in_order():
    results, _ = run_pipeline([1, 2, 3])
    assert results == [10, 20, 30]


def test_it_returns_how_many_items_it_processed():
    _, count = run_pipeline([1, 2, 3])
    assert count == 3


def test_a_consumer_that_starts_first_waits_for_the_items():
    results, _ = run_pipeline([4, 5], consumer_first=True)
    assert results == [40, 50]


def test_only_none_ends_the_stream():
    assert run_pipeline([0, 5]) == ([0, 50], 2)


def test_join_returns_once_every_item_is_marked_done():
    async def main():
        queue = asyncio.Queue()
        for item in [1, 2, None]:
            queue.put_nowait(item)
        await consume(queue, [])
        try:
            await asyncio.wait_for(queue.join(), timeout=0.01)
        except asyncio.TimeoutError:
            return "join is still waiting"
        return "join returned"

    assert asyncio.run(main()) == "join returned"
