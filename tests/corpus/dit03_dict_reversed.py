# reversed() over a dict and its views (3.8+): lazy, newest key first, and CPython's size check.
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.keys())))
print(list(reversed(d.values())), list(reversed(d.items())))
for it in (reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items())):
    print(type(it).__name__)

it = reversed(d)
print(next(it))
d["d"] = 4
try:
    next(it)
except RuntimeError as e:
    print("reversed after add:", e)

d = {"a": 1, "b": 2, "c": 3}
it = reversed(d.items())
print(next(it))
d["a"] = 100
print(next(it), next(it))
print(next(it, "end"))

d = {"a": 1, "b": 2, "c": 3}
try:
    for k in reversed(d):
        print("rev", k)
        del d[k]
except RuntimeError as e:
    print("del in reversed:", e)
print(d)

# Same size, other keys: the reverse iterator has no "keys changed" check; it goes on by position.
d = {"a": 1, "b": 2, "c": 3, "d": 4}
seen = []
for k in reversed(d):
    seen.append(k)
    if k == "d":
        del d["a"]
        d["e"] = 5
print(seen, d)

d = {"a": 1, "b": 2, "c": 3}
seen = []
for k in reversed(d):
    seen.append(k)
    if k == "c":
        del d["c"]
        d["e"] = 5
print(seen, d)

# Made before a change, used after it: the size is compared at the first next().
d = {"a": 1}
it = reversed(d.values())
d["b"] = 2
try:
    next(it)
except RuntimeError as e:
    print("made before:", e)
print(list(reversed({})), next(reversed({}.items()), "empty"))
