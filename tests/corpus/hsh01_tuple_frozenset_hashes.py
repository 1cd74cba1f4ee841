# Tuples and frozensets of numbers hash as CPython's do (xxHash over the items; frozensets by their
# shuffled members), so sets of them iterate in CPython's order, and a __hash__ made from a tuple
# gives CPython's number. (Sets are built by add/set()/comprehensions here: a display of three or
# more constants is folded by CPython's compiler into a frozenset constant first.)
print(hash(()), hash((1,)), hash((1, 2)), hash(tuple(range(10))), hash((-1,)))
print(hash(((1, 2), (3,))), hash((1.5, -1)), hash((2**100,)), hash((True, False)), hash((1 + 2j,)))
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset(range(100))))
print(hash(frozenset({(1, 2)})), hash((frozenset([1]), 2)))


class P:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)

    def __repr__(self):
        return f"P({self.x}, {self.y})"


class M:
    def __hash__(self):
        return -1

    def __eq__(self, o):
        return self is o


print(hash(P(1, 2)) == hash((1, 2)), hash((M(),)), hash(M()))
s = set()
for t in [(1, 2), (3, 4), (5, 6), (7, 8)]:
    s.add(t)
print(s)
print(set([(i, i * 2) for i in range(12)]))
print({(i % 5, i // 5) for i in range(25)})
print({frozenset(range(i)) for i in range(6)})
print(set([frozenset([1]), frozenset([2, 3]), frozenset()]))
print({P(i, -i) for i in range(8)})
grid = {(x, y) for x in range(4) for y in range(3) if (x + y) % 2}
print(grid, sorted(grid) == sorted(set(grid)))
print(frozenset((i, i) for i in range(10)))
seen = set()
for a in range(3):
    for b in range(3):
        seen.add((a, b, a * b))
print(seen)
print({(1.5, 2), (0.25, -3), (1e10, 7)} | {(2.5, 1)})
