# A recursion through generators (`yield from g(n + 1)`, a `for` over one) meets the limit while a
# generator starts: that one is finished, nothing is left to close, and no "Exception ignored"
# report follows; a chain of suspended generators closes whole when dropped.
import sys


def g(n):
    yield from g(n + 1)


try:
    list(g(0))
except RecursionError as e:
    print("yield from:", type(e).__name__, e)


def h(n):
    for x in h(n + 1):
        yield x


try:
    next(h(0))
except RecursionError as e:
    print("for:", type(e).__name__, e)


def chain(n):
    try:
        if n == 0:
            yield 1
        else:
            yield from chain(n - 1)
    finally:
        if n % 300 == 0:
            print("finally", n)


x = chain(900)
print(next(x))
del x
print("after del")


def deep(n):
    try:
        yield from deep(n + 1)
    except RecursionError:
        yield n


d = deep(0)
v = next(d)
print(900 < v < 1000)
d.close()
sys.setrecursionlimit(60)


def small(n):
    yield from small(n + 1)


for attempt in range(3):
    try:
        list(small(0))
    except RecursionError as e:
        print(attempt, e)
print("end")
