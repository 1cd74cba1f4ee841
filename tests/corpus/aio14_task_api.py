# Task and Future as objects: names, done callbacks, result and exception before and after, the
# current task, a Future completed by hand and by call_later.
import asyncio


async def compute(x):
    await asyncio.sleep(0.05)
    return x + 1


async def broken():
    await asyncio.sleep(0.05)
    raise LookupError("missing")


async def main():
    me = asyncio.current_task()
    print("main task", me.get_name(), me in asyncio.all_tasks())
    t = asyncio.create_task(compute(1))
    t2 = asyncio.create_task(compute(2), name="custom")
    print(t.get_name(), t2.get_name())
    t.add_done_callback(lambda f: print("callback sees", f.result()))
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print(await t, await t2)
    await asyncio.sleep(0)
    b = asyncio.create_task(broken())
    await asyncio.sleep(0.1)
    print("exception()", repr(b.exception()))
    try:
        b.result()
    except LookupError as e:
        print("result() raises", repr(e))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("future done", fut.done())
    loop.call_later(0.1, fut.set_result, "by timer")
    loop.call_soon(print, "call_soon ran")
    print(await fut)
    fut2 = loop.create_future()
    fut2.set_exception(ValueError("set by hand"))
    try:
        await fut2
    except ValueError as e:
        print("awaited", e)
    try:
        fut2.set_result(1)
    except asyncio.InvalidStateError:
        print("already done")
    t3 = asyncio.create_task(compute(3))
    t3.set_name("renamed")
    print(t3.get_name(), await t3)
    print("coro", t3.get_coro().__name__)


asyncio.run(main())
