# A generator function: calling it runs nothing; next() runs it to the next yield.
def count_up(limit):
    print("  (started)")
    n = 0
    while n < limit:
        received = yield n
        if received is not None:
            print("  received", received)
        n += 1
    return "counted to " + str(limit)


g = count_up(3)
print(type(g).__name__, iter(g) is g)
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print("StopIteration value:", stop.value, stop.args)
print(next(g, "exhausted"))
print(list(count_up(4)))
print(sum(count_up(5)), max(count_up(3)), sorted(count_up(3), reverse=True))
a, b = count_up(2)
print(a, b, [*count_up(2)], 1 in count_up(3), 7 in count_up(3))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])
print(list(zip(fib(), "abc")), dict(enumerate(count_up(2))))


def returns_early():
    return 42
    yield


try:
    next(returns_early())
except StopIteration as stop:
    print("returned", stop.value)

try:
    count_up(1).send(5)
except TypeError as e:
    print("TypeError:", e)
