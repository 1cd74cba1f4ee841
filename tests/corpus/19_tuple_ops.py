# tuples: indexing, methods, concatenation, comparison, as keys.
t = (1, 2, 3, 2)
print(t, t[0], t[-1], len(t), t.count(2), t.index(3))
print(t + (4,), t * 2, (0,) * 3)
print((1, 2) < (1, 3), (2,) > (1, 99), (1, 2) == (1, 2), (1, 2) == [1, 2])
one = (5,)
not_tuple = (5)
print(one, not_tuple, type(one).__name__, type(not_tuple).__name__)
empty = ()
print(empty, len(empty), bool(empty))
pt = 3, 4
x, y = pt
print(pt, x, y)
grid = {(0, 0): "origin", (1, 2): "p"}
print(grid[(1, 2)], grid[0, 0], (0, 0) in grid)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
print(tuple(sorted((3, 1, 2))), tuple(reversed(t)))
print(max((1, "b"), (1, "a")), sorted([(2, "x"), (1, "z"), (1, "y")]))
print(3 in t, 9 in t)
