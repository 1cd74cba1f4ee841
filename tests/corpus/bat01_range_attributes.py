# A range's own attributes and methods: start, stop, step, count, index (exact for ints, by == for
# anything else), equality by the items it gives, hash as CPython's, and its names in dir().
r = range(1, 10, 2)
print(r.start, r.stop, r.step)
print(range(5).start, range(5).step, range(10, 0, -3).step)
print([n for n in dir(r) if not n.startswith("_")])
print(r.count(3), r.count(4), r.count(3.0), r.count("3"), r.count(True))
print(r.index(7), r.index(5.0), range(10, 0, -3).index(4))
for bad in (4, 11, "a"):
    try:
        r.index(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    r.count()
except TypeError as e:
    print("TypeError:", e)
print(range(0) == range(5, 2), range(0, 3, 2) == range(0, 4, 2), range(1) == range(0, 1, 7))
print(range(3) == range(0, 3, 1), range(3) == [0, 1, 2], range(3) != range(4))
print(hash(range(3)) == hash((3, 0, 1)), hash(range(0)) == hash(range(9, 2)), hash(range(5, 6)) == hash((1, 5, None)))
d = {range(0, 3): "first three"}
print(d[range(3)], range(0, 3, 1) in d, (3, 0, 1) in d)
print(1.0 in range(3), 2.5 in range(3), "a" in range(3), True in range(2))
print(range(10)[True], range(2, 20, 3)[-2], range(2, 20, 3)[1:-1], range(2, 20, 3)[::-2])
