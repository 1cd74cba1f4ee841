# gather returns the results in the order the awaitables were given, whatever order they finish
# in; tasks, coroutines and nested gathers mix; the same coroutine twice runs once.
import asyncio


async def square(x, delay):
    await asyncio.sleep(delay)
    print("finished", x)
    return x * x


async def main():
    r = await asyncio.gather(square(1, 0.3), square(2, 0.1), square(3, 0.2))
    print("results", r)
    t = asyncio.create_task(square(4, 0.1))
    inner = asyncio.gather(square(5, 0.05), square(6, 0.15))
    r = await asyncio.gather(t, inner, square(7, 0.0))
    print("mixed", r)
    print("empty", await asyncio.gather())
    c = square(8, 0.0)
    print("twice", await asyncio.gather(c, c))
    fut = asyncio.gather(square(9, 0.0))
    print(type(fut).__name__, isinstance(fut, asyncio.Future))
    print(await fut)


asyncio.run(main())
