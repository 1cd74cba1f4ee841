# Asynchronous generator expressions: (x async for x in ...) and (await f(x) for x in ...) are async
# generators (made anywhere, iterated in a coroutine), nested for clauses, __anext__/asend/
# aclose on one; the aiter() and anext() builtins, anext's default, and their errors.
import asyncio

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def double(x):
    await asyncio.sleep(0)
    return 2 * x

async def main():
    g = (x * x async for x in agen(4) if x != 2)
    print(type(g).__name__, g.__qualname__ if hasattr(g, '__qualname__') else '')
    print([v async for v in g])
    h = (await double(x) for x in range(3))
    print(type(h).__name__, [v async for v in h])
    k = (y async for x in agen(2) for y in range(x + 1))
    out = []
    async for v in k:
        out.append(v)
    print(out)
    m = (x async for x in agen(3))
    print(await m.__anext__(), await anext(m), await m.asend(None))
    try:
        await m.__anext__()
    except StopAsyncIteration:
        print('done')

def plain():
    return (x async for x in agen(2))

print(type(plain()).__name__)
asyncio.run(main())


async def more():
    class Countdown:
        def __init__(self, n):
            self.n = n

        def __aiter__(self):
            return self

        async def __anext__(self):
            if self.n == 0:
                raise StopAsyncIteration
            self.n -= 1
            return self.n

    it = aiter(Countdown(2))
    print(await anext(it), await anext(it), await anext(it, 'empty'))
    g = (c * 10 async for c in Countdown(3))
    print(await anext(g), await g.aclose(), await anext(g, 'closed'))
    for bad in (lambda: aiter(1), lambda: anext(1), lambda: anext(), lambda: aiter(NotAsync())):
        try:
            bad()
        except TypeError as e:
            print('TypeError:', e)


class NotAsync:
    def __aiter__(self):
        return 5


asyncio.run(more())
