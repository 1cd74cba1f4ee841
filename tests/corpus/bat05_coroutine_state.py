# A coroutine's and an async generator's state: cr_running, cr_suspended, cr_await (what its await
# waits on), cr_origin, ag_running (the whole of a step, awaits included), ag_await.
class Tick:
    def __await__(self):
        yield "tick"

t = Tick()

async def co():
    await t
    return "done"

c = co()
print(c.cr_running, c.cr_suspended, c.cr_await, c.cr_origin)
print(c.send(None))
print(c.cr_running, c.cr_suspended, type(c.cr_await).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value, c.cr_suspended, c.cr_await)
print([n for n in dir(c) if not n.startswith("_")])

async def agen():
    await t
    yield 1

a = agen()
print(a.ag_running, a.ag_await)
step = a.__anext__()
print(step.send(None))
print(a.ag_running, type(a.ag_await).__name__)
try:
    step.send(None)
except StopIteration as e:
    print("yielded", e.value, a.ag_running, a.ag_await)
print([n for n in dir(a) if not n.startswith("_")])
