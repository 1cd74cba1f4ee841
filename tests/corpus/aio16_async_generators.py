# Async generators: `yield` inside `async def`, consumed with `async for`, __anext__, asend,
# athrow and aclose; their awaits run on the event loop; one left at a `break` is closed by the
# loop (its finally runs later, as a task).
import asyncio


async def ticks(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.01)
            yield i
    finally:
        print("ticks finally")


async def echo():
    got = None
    while True:
        got = yield f"echo {got}"


async def main():
    async for t in ticks(3):
        print("tick", t)
    g = ticks(5)
    print(type(g).__name__, repr(g).startswith("<async_generator object ticks at 0x"))
    print(await g.__anext__(), await g.__anext__())
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("stopped")
    e = echo()
    print(await e.asend(None))
    print(await e.asend(1))
    print(await e.asend(2))
    try:
        await e.athrow(ValueError("x"))
    except ValueError as ex:
        print("thrown back", ex)
    async for x in ticks(10):
        if x == 1:
            break
    print("after break")
    await asyncio.sleep(0.05)
    print("slept")
    try:
        for x in ticks(1):
            pass
    except TypeError as ex:
        print(ex)
    try:
        await ticks(1)
    except TypeError as ex:
        print(ex)


asyncio.run(main())
