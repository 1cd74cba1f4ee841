# An exception no coroutine catches leaves asyncio.run with the program's frames in its traceback:
# the module line, the task awaiting, the coroutine that raised.
import asyncio


async def inner(n):
    await asyncio.sleep(0.05)
    return 10 // n


async def main():
    print("result", await inner(2))
    t = asyncio.create_task(inner(0))
    await t


asyncio.run(main())
print("never")
