# `yield from` passes values, sends and throws through, and takes the inner generator's return value.
def inner(tag):
    print("inner", tag, "starts")
    try:
        got = yield tag + "-1"
        print("inner got", got)
        got = yield tag + "-2"
        print("inner got", got)
    except KeyError as e:
        print("inner caught", repr(e))
        return "inner recovered"
    return "inner done " + str(got)


def outer():
    result = yield from inner("a")
    print("outer sees", result)
    result = yield from inner("b")
    print("outer sees", result)
    yield from [10, 20]
    yield from range(2)
    yield from (c.upper() for c in "xy")
    return "outer done"


o = outer()
print(next(o))
print(o.send("one"))
print(o.send("two"))
print(o.throw(KeyError("k")))
print(list(o))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], "ab", (x * x for x in range(3)))))


def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    level = yield from depth(n - 1)
    yield "level " + str(level + 1)
    return level + 1


print(list(depth(3)))


def closing_inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")


def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally")


c = closing_outer()
print(next(c))
c.close()
print("closed")
