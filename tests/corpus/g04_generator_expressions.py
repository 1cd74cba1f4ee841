# Generator expressions are lazy: only the first iterable is evaluated where they stand.
log = []


def noisy(x):
    log.append(x)
    return x * 10


g = (noisy(x) for x in range(4))
print(type(g).__name__, len(log))
print(next(g), len(log))
print(list(g), len(log))
print(list(g))

try:
    lazy = (1 / x for x in [1, 0])
    print("made it, nothing divided yet")
    print(next(lazy))
    next(lazy)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

try:
    (x for x in 5)
except TypeError as e:
    print("eager first iterable:", e)


def scaled(k):
    return (x * k for x in range(3))


print(list(scaled(2)), list(scaled(5)))
total = 0
print(sum(x * x for x in range(10)), any(x > 8 for x in range(10)), all(x < 5 for x in range(10)))
print("".join(str(x) for x in range(5)), ", ".join(w.upper() for w in ["a", "b"]))
print(max(len(w) for w in ["ab", "abc"]), min((x % 3 for x in range(1, 6)), default=None))
print(sorted(x % 4 for x in range(9)), list(map(str, (x for x in range(3)))))
print(list(zip((x for x in "ab"), (y for y in range(5)))), list(enumerate(x for x in "hi")))
print(set(x % 2 for x in range(5)), tuple(x for x in "abc"), dict((x, x * x) for x in range(3)))
print(list((i, j) for i in range(3) for j in range(i) if (i + j) % 2))
print([list(y for y in range(x)) for x in range(3)])
print(list(zip(*(range(3) for _ in range(2)))))
matrix = [[1, 2], [3, 4]]
print(sum(sum(row) for row in matrix), list(x for row in matrix for x in row))
n = 2
print(list(x + n for x in range(3)))
n = 100
late = (x + n for x in range(2))
n = 1000
print(list(late))
