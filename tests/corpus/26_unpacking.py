# Unpacking: tuples, nested, starred, swaps, in loops.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
p, *q = [9]
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for name, *scores in [("ann", 1, 2), ("bob", 3)]:
    print(name, scores)
i = j = 0
i += 1
print(i, j)
l = [0, 0, 0]
l[0], l[2] = "first", "last"
print(l)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    u, v = 5
except TypeError as e:
    print("TypeError:", e)
print([*range(3), *"ab"], (*[1, 2], 3))
merged = {**{"a": 1}, "b": 2}
print(merged)
