# loop.run_in_executor with a ProcessPoolExecutor: the calls run in worker processes while the
# event loop keeps running coroutines; gather gives the results in order. The default executor
# (a thread pool) is refused by forkyard, so this program never asks for it.
import asyncio
import concurrent.futures
import os
import time

MAIN = os.getpid()


def cpu_bound(n):
    return sum(i * i for i in range(n)), os.getpid() != MAIN


def slow_double(x):
    time.sleep(0.3)
    return x * 2


def fails(x):
    raise KeyError(x)


async def ticker():
    for i in range(2):
        await asyncio.sleep(0.1)
        print("tick", i)


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(
            loop.run_in_executor(pool, cpu_bound, 10),
            loop.run_in_executor(pool, cpu_bound, 1000),
            loop.run_in_executor(pool, cpu_bound, 100000),
        )
        print(results)
        fut = loop.run_in_executor(pool, slow_double, 21)
        print(type(fut).__name__, asyncio.isfuture(fut))
        r = await asyncio.gather(fut, ticker())
        print(r)
        try:
            await loop.run_in_executor(pool, fails, "k")
        except KeyError as e:
            print("worker raised", repr(e))
        try:
            await asyncio.wait_for(loop.run_in_executor(pool, slow_double, 1), 0.1)
        except TimeoutError:
            print("executor call timed out")


if __name__ == "__main__":
    asyncio.run(main())
    print("done")
