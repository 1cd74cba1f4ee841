# async with and async for on the program's own classes: __aenter__/__aexit__ awaited (a true
# __aexit__ result suppresses the exception), __aiter__/__anext__ until StopAsyncIteration, and a
# class of its own with __await__.
import asyncio


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0.01)
        print("open", self.name)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.01)
        self.n -= 1
        return self.n


class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        got = yield from asyncio.sleep(0.01).__await__()
        print("slept, got", got)
        return self.value


async def main():
    async with Resource("a") as r:
        print("inside", r)
    async with Resource("b", suppress=True):
        raise ValueError("swallowed")
    print("after b")
    try:
        async with Resource("c"), Resource("d"):
            raise KeyError("kept")
    except KeyError as e:
        print("propagated", e)
    async for i in Countdown(3):
        print("count", i)
    else:
        print("else ran")
    async for i in Countdown(5):
        if i == 3:
            break
        print("count", i)
    else:
        print("no else after break")
    print(await Ready(42))
    try:
        async with object():
            pass
    except TypeError as e:
        print(e)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print(e)


asyncio.run(main())
