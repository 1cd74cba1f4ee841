# dict views, merging, comprehension, sorting by value.
d = {"x": 3, "y": 1, "z": 2}
print(d.keys(), d.values(), d.items())
ks = d.keys()
d["w"] = 0
print(ks, len(ks), "w" in ks)
a = {"p": 1, "q": 2}
b = {"q": 20, "r": 30}
print({**a, **b}, a | b, b | a)
a |= {"s": 4}
print(a)
print(sorted(d), sorted(d.values()), sorted(d.items()))
print(sorted(d.items(), key=lambda kv: kv[1]))
print(sorted(d, key=d.get, reverse=True))
inv = {v: k for k, v in d.items()}
print(inv)
print(list(zip(d.keys(), d.values())))
print(dict(zip("abc", range(3))))
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested, nested["outer"]["inner"][-1])
print(list(reversed(list(d))))
