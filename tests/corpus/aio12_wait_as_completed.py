# asyncio.wait returns (done, pending) by return_when and timeout; as_completed yields results in
# the order they finish.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    ts = [asyncio.create_task(job(f"j{i}", d), name=f"j{i}") for i, d in enumerate([0.3, 0.1, 0.2])]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first", names(done), names(pending))
    done, pending = await asyncio.wait(ts, timeout=0.15)
    print("timeout", names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print("all", names(done), names(pending))
    ts = [asyncio.create_task(job("a", 0.1)), asyncio.create_task(job("b", 0.05, fail=True)),
          asyncio.create_task(job("c", 0.3))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("exception", len(done), len(pending), [repr(t.exception()) for t in done])
    for t in pending:
        t.cancel()
    for coro in asyncio.as_completed([job("slow", 0.3), job("fast", 0.1), job("mid", 0.2)]):
        print("completed", await coro)
    try:
        for coro in asyncio.as_completed([job("late", 1)], timeout=0.1):
            await coro
    except TimeoutError:
        print("as_completed timed out")
    try:
        await asyncio.wait([])
    except ValueError as e:
        print(e)
    try:
        await asyncio.wait(ts, return_when="SOMETIMES")
    except ValueError as e:
        print(e)


asyncio.run(main())
