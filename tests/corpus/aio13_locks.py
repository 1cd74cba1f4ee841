# asyncio's Lock, Event, Semaphore and Condition order coroutines inside one process.
import asyncio


async def locked_worker(name, lock, log):
    async with lock:
        log.append(name + " in")
        await asyncio.sleep(0.05)
        log.append(name + " out")


async def waiter(name, event):
    print(name, "waiting")
    await event.wait()
    print(name, "released")


async def limited(name, sem, hold):
    async with sem:
        print(name, "holds", "locked" if sem.locked() else "free")
        await asyncio.sleep(hold)
    print(name, "released")


async def consumer(cond, items):
    async with cond:
        await cond.wait_for(lambda: items)
        print("consumed", items.pop())


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(locked_worker(n, lock, log) for n in "abc"))
    print(log, lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print(e)
    event = asyncio.Event()
    ws = [asyncio.create_task(waiter(f"w{i}", event)) for i in range(2)]
    await asyncio.sleep(0.1)
    print("setting", event.is_set())
    event.set()
    await asyncio.gather(*ws)
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(f"s{i}", sem, 0.1 * (i + 1)) for i in range(3)))
    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print(e)
    cond = asyncio.Condition()
    items = []
    c = asyncio.create_task(consumer(cond, items))
    await asyncio.sleep(0.1)
    async with cond:
        items.append("item")
        cond.notify()
    await c


asyncio.run(main())
