# An exception in one of gather's awaitables is raised at the await at once; the others keep
# running. With return_exceptions=True the exceptions take their places among the results.
import asyncio


async def ok(name, delay):
    await asyncio.sleep(delay)
    print("ok", name)
    return name


async def fail(msg, delay):
    await asyncio.sleep(delay)
    print("raising", msg)
    raise ValueError(msg)


async def main():
    slow = asyncio.create_task(ok("slow", 0.3))
    try:
        await asyncio.gather(ok("fast", 0.1), fail("boom", 0.2), slow)
    except ValueError as e:
        print("caught", repr(e), "slow done:", slow.done())
    print("slow still", await slow)
    r = await asyncio.gather(fail("first", 0.1), ok("second", 0.05), fail("third", 0.0),
                             return_exceptions=True)
    print(r)
    print([type(x).__name__ for x in r])
    try:
        await asyncio.gather(fail("a", 0.1), fail("b", 0.05))
    except ValueError as e:
        print("first to fail:", e)
    await asyncio.sleep(0.1)


asyncio.run(main())
