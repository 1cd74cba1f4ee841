# sets: methods and operators (printed sorted so the order is fixed).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print({1, 2} <= a, {1, 2}.issubset(a), a >= {1}, a.issuperset({9}), {1, 2} < {1, 2})
print(a.isdisjoint({7, 8}), a.isdisjoint(b))
s = set()
s.add(3)
s.add(3)
s.add(1)
print(len(s), 3 in s, 2 in s)
s.discard(42)
s.remove(3)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
words = ["b", "a", "b", "c", "a"]
print(sorted(set(words)), len(set(words)))
s.update([5, 6], {7})
print(sorted(s))
print({x % 3 for x in range(10)} == {0, 1, 2})
print(set() == set(), {1, 2} == {2, 1}, bool(set()))
print(sorted({"apple", "pear"} | {"fig"}))
c = a.copy()
c.clear()
print(len(c), len(a))
print(s.pop() in {1, 5, 6, 7})
