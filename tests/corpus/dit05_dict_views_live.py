# A view is live: made once, it shows later changes, and each iteration of it starts afresh. Only
# an iterator already running over a dict that changed size fails.
d = {"a": 1, "b": 2}
keys, values, items = d.keys(), d.values(), d.items()
d["c"] = 3
print(keys, values, items)
print(len(keys), len(values), len(items))
print("c" in keys, 3 in values, ("c", 3) in items, ("c", 4) in items, ["c", 3] in items)
for k, v in items:
    print(k, v)
del d["a"]
print(list(keys), list(values), list(items))

it = iter(items)
print(next(it))
d["e"] = 5
try:
    next(it)
except RuntimeError as e:
    print("running iterator:", e)
print(list(items))
print(sorted(keys & {"b", "x"}), sorted(items - {("b", 2)}))

# Iterating a view while updating values through it.
for k, v in d.items():
    d[k] = v + 1
print(d)

# dict(...) and sum over views and iterators.
print(dict(d.items()) == d, sum(d.values()), max(d, key=d.get))
it = iter(d)
print(type(it).__name__, type(iter(d.values())).__name__, type(iter(d.items())).__name__)
print(it.__length_hint__(), next(it), it.__length_hint__())
d["new"] = 0
print(it.__length_hint__())
