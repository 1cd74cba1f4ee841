# enumerate, zip, range, reversed, any, all, iter, next.
for i, ch in enumerate("abc"):
    print(i, ch, end=" ")
print()
print(list(enumerate(["x", "y"], start=1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(0, 20, 5)
print(r, len(r), r[1], r[-1], list(r), 15 in r)
print(range(3), range(1, 4), range(0, 10, 2))
print(list(reversed([1, 2, 3])), list(reversed(range(4))), list(reversed("ab")))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a"]), all([1, 0]))
print(any([n > 3 for n in [1, 5]]), all([n > 0 for n in [1, 5]]))
it = iter([10, 20])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
keys = ["a", "b", "c"]
vals = [1, 2, 3]
for k, v in zip(keys, vals):
    print(k, "->", v)
print(dict(enumerate("xy")))
print(list(zip(*[(1, "a"), (2, "b")])))
total = 0
for i in range(1, 11):
    total += i
print(total)
