# How CPython displays small-int sets: ordered by hash (the value), not by insertion.
print({3, 1, 2})
print(set([5, 4, 3, 2, 1]))
s = {10, 0, 5}
s.add(7)
print(s)
print({x * 2 for x in [3, 2, 1]})
print(set(), {0})
print(list({9, 8, 7}))
