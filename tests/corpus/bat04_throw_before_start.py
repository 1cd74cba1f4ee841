# Throwing into a generator that has not started: it ends at once, and a StopIteration thrown in
# becomes PEP 479's RuntimeError, as when one escapes a running generator.
def gen():
    yield 1

try:
    gen().throw(StopIteration)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__), e.__suppress_context__)

g = gen()
try:
    g.throw(ValueError("early"))
except ValueError as e:
    print("ValueError:", e)
print(next(g, "finished"))

def stops():
    yield 1
    raise StopIteration("inside")

s = stops()
next(s)
try:
    next(s)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

async def coro():
    return 1

c = coro()
try:
    c.throw(StopIteration)
except RuntimeError as e:
    print("RuntimeError:", e)
