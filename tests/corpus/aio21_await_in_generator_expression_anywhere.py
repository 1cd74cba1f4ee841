# An await makes a generator expression asynchronous wherever it stands (module level, a class body,
# a plain function), as CPython 3.11 compiles it: an async generator to iterate in a coroutine.
import asyncio
async def two(x):
    return 2 * x
xs = [1, 2]
g = (await two(x) for x in xs)
print(type(g).__name__)
class C:
    h = (await two(x) for x in xs)
def f(xs):
    return (await two(x) for x in xs)
async def main():
    print([v async for v in g], [v async for v in C.h], [v async for v in f([3])])
asyncio.run(main())
