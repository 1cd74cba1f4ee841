# A task that raised and was freed with its exception never retrieved: CPython's report on stderr,
# with the task's repr (its coroutine's def line) and the traceback; a task's repr pending and done.
import asyncio

async def boom(n):
    await asyncio.sleep(0.01)
    raise ValueError(f"bad {n}")

async def fine():
    return 1

async def main():
    asyncio.create_task(boom(1))
    await asyncio.sleep(0.1)
    print("after first")
    t = asyncio.create_task(boom(2))
    await asyncio.sleep(0.1)
    print(repr(t.exception()))
    t2 = asyncio.create_task(fine())
    print(repr(t2).split(" coro=")[0])
    await t2
    r = repr(t2)
    print(r.split(" coro=")[0], "fine() done, defined at" in r, r.endswith(".py:9> result=1>"))
    print("end")

asyncio.run(main())
