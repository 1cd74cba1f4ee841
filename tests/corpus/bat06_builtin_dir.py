# dir() of builtin values lists their public attributes, and each one it lists is reachable;
# dict views' mapping (a read-only view of the dict), type.mro(), C.mro().
def public(v):
    names = [n for n in dir(v) if not n.startswith("_")]
    assert all(hasattr(v, n) for n in dir(v)), v
    return names

print(public(slice(1, 5, 2)), slice(1).indices(10))
print(public(1 + 2j), (1 + 2j).real, (1 + 2j).imag)
print(public(range(3)))
print(public(True)[:4], public(None))
print(public({}.keys()), public({}.values()), public({}.items()))
d = {"a": 1}
m = d.keys().mapping
d["b"] = 2
print(m, repr(m), m["b"], "a" in m, len(m), list(m), m.get("z", 0), list(m.items()))
print(type(m).__name__, m == {"a": 1, "b": 2}, m.copy(), d.values().mapping["a"])
try:
    m["c"] = 3
except TypeError as e:
    print("TypeError:", e)
print(int.mro(), type.mro(bool), "mro" in dir(type), "mro" in dir(int))

class A:
    pass

class B(A):
    pass

print(B.mro(), type.mro(B) == list(B.__mro__))
try:
    int.mro(1)
except TypeError as e:
    print("TypeError:", e)
