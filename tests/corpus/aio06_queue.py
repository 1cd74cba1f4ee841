# asyncio.Queue between a producer and consumers: put waits while the queue is full, get while it
# is empty, join until every item is marked done.
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, "size", q.qsize())
    print("producer done")


async def consumer(name, q, delay):
    while True:
        item = await q.get()
        await asyncio.sleep(delay)
        print(name, "got", item)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full())
    c = asyncio.create_task(consumer("c1", q, 0.1))
    await producer(q, 5)
    await q.join()
    print("all done, empty:", q.empty())
    c.cancel()
    q2 = asyncio.Queue(1)
    q2.put_nowait("x")
    try:
        q2.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q2.get_nowait())
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        q2.task_done()
        q2.task_done()
    except ValueError as e:
        print(e)
    pq = asyncio.PriorityQueue()
    for x in [3, 1, 2]:
        pq.put_nowait(x)
    lq = asyncio.LifoQueue()
    for x in [3, 1, 2]:
        lq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)], [lq.get_nowait() for _ in range(3)])
    waiter = asyncio.create_task(q2.get())
    await asyncio.sleep(0.1)
    print("waiting getter done:", waiter.done())
    await q2.put("late")
    print("getter got", await waiter)


asyncio.run(main())
