# Dict keys and set members with their own __eq__ and __hash__: a lookup compares the stored key
# with the probe by identity first, then, when the hashes match, with __eq__ (stored == probe);
# __eq__'s exception propagates and a non-bool result is truth-tested.


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Bucket:
    """Every Bucket hashes alike; only equal labels are equal."""

    def __init__(self, label):
        self.label = label

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return isinstance(other, Bucket) and self.label == other.label

    def __repr__(self):
        return f"Bucket({self.label!r})"


class Loud(Bucket):
    def __hash__(self):
        return 7

    def __eq__(self, other):
        print(f"  eq {self.label} == {getattr(other, 'label', other)}")
        return Bucket.__eq__(self, other)


class Angry:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise ValueError(f"cannot compare {self.name}")


class Never:
    """Unequal even to itself, like float('nan')."""

    def __hash__(self):
        return 3

    def __eq__(self, other):
        return False


class Maybe:
    def __init__(self, answer):
        self.answer = answer

    def __hash__(self):
        return 5

    def __eq__(self, other):
        return self.answer


class One:
    """Equal to the int 1, and hashes like it."""

    def __hash__(self):
        return 1

    def __eq__(self, other):
        return other == 1 or isinstance(other, One)


print("-- equal instances with equal hashes are one key")
d = {Point(1, 2): "a"}
d[Point(1, 2)] = "b"
print(d, len(d), d[Point(1, 2)], Point(1, 2) in d, d.get(Point(1, 2)))
s = {Point(0, 0), Point(0, 0), Point(1, 0)}
print(len(s), Point(0, 0) in s, Point(5, 5) in s, sorted(s, key=lambda p: (p.x, p.y)))
s.add(Point(1, 0))
s.discard(Point(0, 0))
print(s)
s.remove(Point(1, 0))
print(s, len(s))
print(frozenset([Point(3, 3), Point(3, 3)]), Point(3, 3) in frozenset([Point(3, 3)]))
print(set([Point(1, 1), Point(1, 1)]), dict([(Point(1, 1), 1), (Point(1, 1), 2)]))
print({p: p.x for p in [Point(2, 2), Point(2, 2), Point(4, 4)]})
print({p for p in [Point(2, 2), Point(2, 2)]})
print(dict.fromkeys([Point(6, 6), Point(6, 6)]))
d = {Point(1, 1): 1}
print(d.setdefault(Point(1, 1), 9), d.setdefault(Point(2, 2), 9), d)
print(d.pop(Point(2, 2)), d.pop(Point(2, 2), "gone"), d)
del d[Point(1, 1)]
print(d)

print("-- equal hashes but unequal instances are two keys")
d = {Bucket("a"): 1, Bucket("b"): 2}
d[Bucket("a")] += 10
print(d, len(d), Bucket("c") in d, d.get(Bucket("c"), "none"))
print({Bucket("x"), Bucket("y"), Bucket("x")} == {Bucket("y"), Bucket("x")})
print({Bucket("x"): 1} == {Bucket("x"): 1}, {Bucket("x"): 1} == {Bucket("z"): 1})
labels = lambda s: sorted([b.label for b in s])
print(labels({Bucket("x")} | {Bucket("x"), Bucket("y")}), {Bucket("x"), Bucket("y")} & {Bucket("y")})
print({Bucket("x"), Bucket("y")} - {Bucket("y")}, {Bucket("x")} <= {Bucket("x"), Bucket("y")})
print({Bucket("x")}.issubset([Bucket("x")]), {Bucket("x")}.isdisjoint([Bucket("x")]))

print("-- counting by hand")
counts = {}
for label in ["p", "q", "p", "p", "r", "q"]:
    key = Bucket(label)
    counts[key] = counts.get(key, 0) + 1
print(counts)
seen = set()
for label in ["p", "q", "p"]:
    if Bucket(label) in seen:
        print("again", label)
    seen.add(Bucket(label))
print(len(seen))

print("-- __eq__ is called with the stored key on the left")
d = {Loud("a"): 1}
print("lookup b")
print(Loud("b") in d)
print("lookup a")
print(d[Loud("a")])
print("stored a itself")
k = list(d)[0]
print(d[k])

print("-- __eq__ raising propagates")
a1, a2 = Angry("first"), Angry("second")
d = {a1: 1}
print(d[a1], a1 in d, d.get(a1))


def insert():
    d[a2] = 2


for what, f in [
    ("in", lambda: a2 in d),
    ("d[k]", lambda: d[a2]),
    ("get", lambda: d.get(a2)),
    ("insert", insert),
    ("set.add", lambda: {a1}.add(a2)),
    ("display", lambda: {a1, a2}),
]:
    try:
        f()
        print(what, "ok")
    except ValueError as e:
        print(what, "ValueError:", e)
print(len(d), list(d)[0] is a1)

print("-- identity first")
n = Never()
print(n == n, n in {n}, n in [n], {n: "found"}[n], n in {Never()}, len({n, n, Never()}))
nan = float("nan")
print(nan == nan, nan in [nan], nan in {nan}, nan in {nan: 1}, {nan: "found"}[nan])
print([nan].count(nan), [1, nan].index(nan), len({nan, nan}), len({nan: 1, nan: 2}))

print("-- __eq__ returning a non-bool is truth-tested")
print(Maybe(1) in {Maybe(0)}, Maybe([]) in {Maybe(0)}, Maybe("yes") in {Maybe(0)})
print(len({Maybe(0), Maybe(0)}), len({Maybe(0), Maybe(1)}), len({Maybe(1), Maybe(1)}))

print("-- mixed with ints and strs")
d = {1: "int", "s": "str", Point(1, 1): "point", Bucket("b"): "bucket", 2.5: "float"}
print(d[1], d["s"], d[Point(1, 1)], d[Bucket("b")], d[2.5], len(d))
print(One() in {1}, {1: "int"}[One()], len({1, One()}), len({One(), One()}))
print({1: "int", One(): "one"}, One() in {"x", 1})

print("-- in tuples and frozensets")
d = {(Point(1, 2), "a"): 1, ((Point(3, 4),), 5): 2}
print(d[(Point(1, 2), "a")], (Point(1, 2), "b") in d, d.get(((Point(3, 4),), 5)))
print(len({(Point(1, 1),), (Point(1, 1),)}), len({(Bucket("a"), 1), (Bucket("b"), 1)}))
print(frozenset([Point(1, 1)]) in {frozenset([Point(1, 1)])}, hash((Point(1, 1), 2)) == hash((Point(1, 1), 2)))
s = {(1, 2), (Point(5, 5), 1)}
print((1, 2) in s, (Point(5, 5), 1) in s, (Point(6, 6), 1) in s)

print("-- __eq__ raising on insertion, uncaught")
pool = {Angry("kept"): "x"}
pool[Angry("new")] = "y"
