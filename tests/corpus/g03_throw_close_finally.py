# throw() in its CPython 3.11 forms, close() and GeneratorExit, finally and with on every ending.
def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("caught", type(e).__name__, e.args)


c = catcher()
next(c)
print(c.throw(ValueError))
print(c.throw(ValueError, "text"))
print(c.throw(ValueError, ("a", 1)))
print(c.throw(ValueError, ValueError("instance")))
print(c.throw(ValueError("only an instance")))
try:
    c.throw(KeyError, "not caught")
except KeyError as e:
    print("propagated", repr(e))
print(next(c, "finished"))

for bad in [lambda: catcher().throw(1), lambda: catcher().throw(ValueError("x"), 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

fresh = catcher()
try:
    fresh.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("fresh generator:", e)
print(next(fresh, "never ran"))


def guarded(name):
    print(name, "opens")
    try:
        yield 1
        yield 2
    finally:
        print(name, "finally")


g = guarded("closed")
next(g)
g.close()
g.close()
print(list(guarded("exhausted")))
for x in guarded("broken out of"):
    break
print("after the loop")
g = guarded("dropped")
next(g)
g = None
print("after the drop")
never = guarded("never started")
never.close()
print("a generator that never started has nothing to close")


class Resource:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, kind, value, tb):
        print("exit with", kind.__name__ if kind else None)
        return False


def with_inside():
    with Resource():
        yield "inside"
        yield "still inside"


w = with_inside()
print(next(w))
w.close()
print(list(with_inside()))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def cleanup_raises():
    try:
        yield 1
    finally:
        raise ValueError("from finally")


r = cleanup_raises()
next(r)
try:
    r.close()
except ValueError as e:
    print("close raised", e)
