# The builtin operations' quick paths keep CPython's semantics: list.sort on a list changed while
# it sorts, stable sorts of ints/floats/strs both ways, slices of every shape, set operators with
# members whose __eq__ runs Python, zip/enumerate/dict.items unpacking.

# list.sort: the list is empty while it sorts, and a list grown meanwhile is an error.
xs = [3, 1, 2]
seen = []
def key(v):
    seen.append(len(xs))
    return v
xs.sort(key=key)
print(xs, seen)

ys = [3, 1, 2]
def grow(v):
    ys.append(v)
    return v
try:
    ys.sort(key=grow)
except ValueError as e:
    print("ValueError:", e)
print(ys)

class Meddler:
    def __init__(self, n, target):
        self.n = n
        self.target = target
    def __lt__(self, other):
        self.target.append(0)
        return self.n < other.n
    def __repr__(self):
        return f"M{self.n}"
zs = []
zs.extend([Meddler(2, zs), Meddler(1, zs), Meddler(3, zs)])
try:
    zs.sort()
except ValueError as e:
    print("ValueError:", e)
print(zs)

# An error from a comparison wins over the change.
ws = [1, "a", 2]
try:
    ws.sort()
except TypeError as e:
    print("TypeError:", e)
print(sorted(ws, key=str))

# Stable both ways, with equal keys kept in their first order.
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (2, "e")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([0.5, -0.0, 0.0, -1.5, 1e308, -1e308, 2.5]))
print(sorted([0.0, -0.0, 0.0], reverse=True))
print(sorted(["b", "a", "B", "é", "ab", ""]))
print(sorted(["b", "a", "B", "é", "ab", ""], reverse=True))
print(sorted([3, 1.5, True, -2, 0]))
print(sorted([2**70, 1, -(2**65), 3]))
words = ["ccc", "a", "bb", "dd", "e", "fff"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted([]), sorted([5]), sorted(range(5, 0, -1)))

# Slices: runs, steps, negative bounds, empty, tuples.
xs = list(range(10))
print(xs[2:5], xs[-3:], xs[:-7], xs[5:2], xs[::3], xs[::-4], xs[8:1:-2], xs[100:], xs[-100:2])
t = tuple("abcdefg")
print(t[1:4], t[::-1], t[5:1], t[-2:], t[::2])
nested = [[1], [2], [3]]
cut = nested[0:2]
cut[0].append(9)
print(nested, cut, cut is nested)

# Set operators: ints and strs, and members whose __eq__ runs Python.
a = set(range(0, 30, 2))
b = set(range(0, 30, 3))
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b))
fa = frozenset("abc")
print(type(fa & {"a"}).__name__, sorted(fa | {"z"}), type({"a"} | fa).__name__)

class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n % 3
    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n
    def __repr__(self):
        return f"K{self.n}"
s1 = {Key(1), Key(2), Key(4)}
s2 = {Key(4), Key(5), Key(1)}
print(sorted((s1 & s2), key=lambda k: k.n), sorted(s1 | s2, key=lambda k: k.n))
print(sorted(s1 - s2, key=lambda k: k.n), sorted(s1 ^ s2, key=lambda k: k.n))

# zip and enumerate rows, dict items, unpacking of the wrong size.
for i, (x, y) in enumerate(zip("ab", [10, 20, 30]), 5):
    print(i, x, y)
print(list(zip([1, 2], "xy")), list(zip()), list(zip([1], [2], [3])))
d = {"k": 1, "j": 2}
for k, v in d.items():
    print(k, v)
try:
    for k, v, w in d.items():
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    for (k,) in d.items():
        pass
except ValueError as e:
    print("ValueError:", e)
it = zip([1, 2], [3])
print(next(it), next(it, "end"), next(it, "end"))
