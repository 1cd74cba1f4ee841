# tuples (40 + 8 per item), dicts (CPython's table sizes as insertions grow them; 16-byte entries
# while every key is a str, 24-byte ones after the first other key), sets and frozensets (the
# table grows when 3/5 full), ranges.
import sys
g = sys.getsizeof
print([g(tuple(range(n))) for n in range(6)], g(()), g((1,)), ().__sizeof__())
d = {}
seen = []
for i in range(100):
    if not seen or seen[-1][1] != g(d):
        seen.append((len(d), g(d)))
    d[i] = i
print(seen)
d = {}
seen = []
for i in range(100):
    if not seen or seen[-1][1] != g(d):
        seen.append((len(d), g(d)))
    d["k%d" % i] = i
print(seen)
print(g({}), g({"a": 1}), g({1: 1}), g({"a": 1, 2: 2}), g({2: 2, "a": 1}), g(dict(a=1, b=2)))
print(g({i: i for i in range(10)}), g({str(i): i for i in range(10)}), g(dict.fromkeys("abcdefg")))
mixed = {}
for i in range(30):
    mixed["s%d" % i] = i
    if i == 12:
        mixed[0.5] = 0
print(len(mixed), g(mixed))
s = set()
seen = []
for i in range(200):
    if not seen or seen[-1][1] != g(s):
        seen.append((len(s), g(s)))
    s.add(i)
print(seen)
print(g(set()), g(frozenset()), g(frozenset(range(5))), g({i for i in range(20)}), g(set(range(77))))
print(g(set("abcd")), g(set("abcde")), {1}.__sizeof__(), {}.__sizeof__())
print(g(range(0)), g(range(10)), g(range(-5, 2**62, 3)), g(slice(1, 2)), g(slice(None)))
