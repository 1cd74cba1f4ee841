# Task.cancel throws CancelledError into the coroutine at its await: finally blocks run, a task can
# catch it to clean up and re-raise, and awaiting the cancelled task raises CancelledError.
import asyncio


async def worker(name):
    try:
        print(name, "started")
        await asyncio.sleep(10)
        print(name, "never")
    except asyncio.CancelledError:
        print(name, "cancelled, cleaning up")
        raise
    finally:
        print(name, "finally")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn swallowed it")
    return "kept going"


async def main():
    t = asyncio.create_task(worker("w1"))
    await asyncio.sleep(0.1)
    print("cancel returns", t.cancel())
    print("cancelling", t.cancelling(), "done", t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("await raised", type(e).__name__, repr(e.args))
    print("cancelled", t.cancelled(), "done", t.done(), "cancel again", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    s.cancel()
    print("stubborn result", await s, "cancelled", s.cancelled())
    m = asyncio.create_task(worker("w2"))
    await asyncio.sleep(0.1)
    m.cancel("stop now")
    try:
        await m
    except asyncio.CancelledError as e:
        print("with message", e.args)
    print(issubclass(asyncio.CancelledError, Exception),
          issubclass(asyncio.CancelledError, BaseException))
    early = asyncio.create_task(worker("w3"))
    early.cancel()
    try:
        await early
    except asyncio.CancelledError:
        print("cancelled before it ran")


asyncio.run(main())
