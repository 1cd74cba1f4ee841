# A list's size is 56 bytes plus 8 per allocated slot: CPython 3.11 over-allocates as appends
# grow it (0, 4, 8, 16, 24, 32, 40, 52...), allocates exactly (rounded to even) for list() of a
# sized object and for a display of 3+ constants, exactly for other displays, and gives memory
# back when pops leave it under half full.
import sys
g = sys.getsizeof
a = []
steps = []
last = None
for i in range(100):
    if g(a) != last:
        last = g(a)
        steps.append((len(a), last))
    a.append(i)
print(steps)
print([g(list(range(n))) for n in range(10)])
print([g([i for i in range(n)]) for n in range(18)])
print([g(list(x for x in range(n))) for n in range(12)])
x = 7
print(g([]), g([1]), g([1, 2]), g([1, 2, 3]), g([1, 2, 3, 4, 5]), g(["a", "b", "c"]), g([-1, -2, -3]))
print(g([x]), g([x, x]), g([x, x, x]), g([x, 1, 2]), g([(1, 2), (3, 4), (5, 6)]))
print(g(list("hello")), g(list({1: 2, 3: 4})), g(list((1, 2, 3))), g(sorted([3, 1, 2])), g(sorted(range(9))))
b = [1, 2, 3]
b.extend([4, 5])
print(g(b), b.__sizeof__())
c = []
c.extend(range(7))
print(g(c))
c.insert(0, 9)
print(g(c))
c.extend(x for x in range(3))
print(len(c), g(c))
while a:
    a.pop()
    if len(a) % 10 == 0:
        print(len(a), g(a))
a.append(1)
print(g(a))
a.clear()
print(g(a))
r = list(range(20))
for v in range(15):
    r.remove(v)
print(len(r), g(r))
