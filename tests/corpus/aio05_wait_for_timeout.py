# wait_for cancels the awaitable at its timeout and raises TimeoutError (the builtin, since 3.11);
# asyncio.timeout does the same for a block.
import asyncio
import time


async def slow(label, delay):
    try:
        await asyncio.sleep(delay)
        return label
    except asyncio.CancelledError:
        print(label, "was cancelled")
        raise


async def main():
    print(await asyncio.wait_for(slow("quick", 0.1), timeout=0.3))
    t0 = time.monotonic()
    try:
        await asyncio.wait_for(slow("long", 5), timeout=0.2)
    except asyncio.TimeoutError as e:
        elapsed = time.monotonic() - t0
        print("timed out", type(e).__name__, 0.2 <= elapsed < 0.4)
    print(asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(slow("no limit", 0.1), None))
    t = asyncio.create_task(slow("task", 5))
    try:
        await asyncio.wait_for(t, 0.1)
    except TimeoutError:
        print("task cancelled:", t.cancelled())
    try:
        async with asyncio.timeout(0.2) as cm:
            await slow("block", 5)
    except TimeoutError:
        print("block timed out, expired:", cm.expired())
    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.1)
    print("in time, expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        cm.reschedule(asyncio.get_running_loop().time() + 0.1)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("rescheduled deadline hit")
            raise
    print("never")


try:
    asyncio.run(main())
except TimeoutError:
    print("TimeoutError out of asyncio.run")
