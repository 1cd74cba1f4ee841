# A dict that grows or shrinks under a running iterator: CPython's RuntimeError, the state the dict
# is left in, and the error repeating on every later next() (the iterator stays broken).
d = {"a": 1, "b": 2, "c": 3}
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print("add in for k in d:", e)
print(d)

d = {"a": 1, "b": 2, "c": 3}
try:
    for k in d:
        print("deleting", k)
        del d[k]
except RuntimeError as e:
    print("del in for k in d:", e)
print(d)

d = {"a": 1, "b": 2, "c": 3}
try:
    for k, v in d.items():
        print("item", k, v)
        if v == 2:
            d.pop("a")
except RuntimeError as e:
    print("pop in items():", e)
print(d)

d = {"a": 1, "b": 2, "c": 3}
try:
    for v in d.values():
        print("value", v)
        d.setdefault("z" * v, v)
except RuntimeError as e:
    print("setdefault in values():", e)
print(d)

# The safe way: iterate over a copy of the keys.
d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print("after list(d):", d)

# The error repeats, also once the size is back where it was.
d = {"a": 1, "b": 2}
it = iter(d)
print(next(it))
d["c"] = 3
for attempt in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("attempt", attempt, e)
del d["c"]
try:
    next(it)
except RuntimeError as e:
    print("size restored:", e)

# An iterator that already ended stays ended: no error for a change after the end.
d = {"a": 1}
it = iter(d.items())
print(list(it))
d["b"] = 2
print(list(it), next(it, "end"))

# clear() and update() change the size too.
d = {"a": 1, "b": 2}
it = iter(d.values())
print(next(it))
d.clear()
try:
    next(it)
except RuntimeError as e:
    print("clear:", e)
d = {"a": 1, "b": 2}
try:
    for k in d:
        d.update({k.upper(): 0})
except RuntimeError as e:
    print("update:", e)
print(d)
