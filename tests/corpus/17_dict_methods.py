# dict methods and behaviours.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), "a" in d, 1 in d)
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("e"), d.pop("zz", "missing"), d)
print(list(d.keys()), list(d.values()), list(d.items()))
d.update({"a": -1, "f": 6})
d.update(g=7)
print(d)
print(d.popitem(), d)
del d["c"]
print(d)
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
for k in d:
    print(k, d[k], end=" ")
print()
for k, v in d.items():
    print(f"{k}={v}", end=",")
print()
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
e = dict(d)
e["new"] = 1
print(d == e, len(d), len(e), e.copy() == e)
d.clear()
print(d, bool(d))
print({1: "int", 1.0: "float", True: "bool"})
print(dict.fromkeys(["x", "y"], 0))
