# More ways a list is built and changed, each allocating as CPython 3.11 does: +=, slices and
# slice assignment, del of items and slices, *, +, copy, starred displays, list() of iterators
# with a length hint (reversed, iter) and without one (enumerate, generators); *= in place, sort.
import sys
g = sys.getsizeof
a = []
out = []
for i in range(40):
    a += [i]
    out.append(g(a))
print(out)
b = list(range(10))
print(g(b * 3), g(b + b), g(b[:]), g(b.copy()), g([0] * 7), g(b[2:5]), g(3 * [1, 2]))
c = list(range(40))
for i in range(30):
    del c[0]
print(len(c), g(c))
d = list(range(40))
del d[5:35]
print(len(d), g(d))
e = [1, 2, 3]
e[1:2] = [7, 8, 9, 10]
print(g(e))
f = []
f += (1, 2, 3)
print(g(f))
h = [[]] * 3
print(g(h), g(list(map(str, range(5)))), g(list(zip("ab", "cd"))), g(list(enumerate("abc"))), g(list(reversed(b))), g([*b]), g([*b, 1]))
t = (1, 2, 3)
print(g([*t]), g([0, *t]), g([*t, *t]), g([*b, *range(5)]), g([*(x for x in range(4))]), g([*"abc", 1, 2]))
print(g(list(iter(b))), g(list(iter(range(7)))), g(list(enumerate(b))), g(list(reversed(range(9)))))
