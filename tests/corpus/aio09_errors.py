# CPython's run-time errors around coroutines: awaiting a non-awaitable, awaiting a coroutine twice,
# iterating one, asyncio.run given a function, no running loop, and a coroutine never awaited
# (the RuntimeWarning on stderr, at the line that dropped it).
import asyncio


async def answer():
    return 42


async def await_int():
    await 3


class BadAwait:
    def __await__(self):
        return 5


async def main():
    c = answer()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await await_int()
    except TypeError as e:
        print("TypeError:", e)
    try:
        await BadAwait()
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.get_running_loop().create_task(5)
    except TypeError as e:
        print("TypeError:", e)


c = answer()
print(type(c).__name__, repr(c).startswith("<coroutine object answer at 0x"))
print(asyncio.iscoroutine(c), asyncio.iscoroutinefunction(answer), asyncio.iscoroutinefunction(print))
try:
    for x in c:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
asyncio.run(main())
try:
    asyncio.run(answer)
except ValueError as e:
    print("ValueError:", str(e).split(" at ")[0])
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
answer()
print("the warning is above")
