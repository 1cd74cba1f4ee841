# Comprehensions inside an async def: `async for` over an async generator, and `await` in the
# element, for lists, sets and dicts.
import asyncio


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0.01)
        yield i


async def double(x):
    await asyncio.sleep(0.01)
    return 2 * x


async def main():
    print([x async for x in agen(4)])
    print({x: x * x async for x in agen(3) if x})
    print([await double(x) for x in range(3)])
    print(sorted({await double(x) async for x in agen(3)}))
    print([(x, y) async for x in agen(2) for y in "ab"])


asyncio.run(main())
