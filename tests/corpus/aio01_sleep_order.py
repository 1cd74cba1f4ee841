# Coroutines that sleep wake in the order of their deadlines, not of their creation; sleep(0)
# lets every other ready task run once.
import asyncio
import time


async def say(name, delay):
    await asyncio.sleep(delay)
    print("woke", name, "after", delay)
    return name


async def spin(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)


async def main():
    t0 = time.monotonic()
    tasks = [asyncio.create_task(say(n, d)) for n, d in [("c", 0.3), ("a", 0.1), ("b", 0.2)]]
    print("created", [t.get_name() for t in tasks])
    for t in tasks:
        print("awaited", await t)
    # The three sleeps overlap: about 0.3 s in all, not 0.6.
    elapsed = time.monotonic() - t0
    print("overlapped", 0.3 <= elapsed < 0.5)
    await asyncio.gather(spin("x", 3), spin("y", 2))
    r = await asyncio.sleep(0.1, result="slept")
    print(r)


print(asyncio.run(main()))
print("after run")
