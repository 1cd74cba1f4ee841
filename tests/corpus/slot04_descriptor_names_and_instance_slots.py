# A builtin type's method reached through the type names its type (`__qualname__`,
# `__objclass__`); an instance of a class without `__slots__` lists `__dict__`, and `__weakref__`
# where its builtin base has none of its own.


class D(dict):
    pass


print(str.upper.__qualname__, str.upper.__objclass__, str.upper.__name__)
print(int.__add__.__qualname__, int.__add__.__objclass__, D.keys.__qualname__)
print(list.__len__.__qualname__, bytes.hex.__objclass__, len.__qualname__)

for base in [object, int, list, tuple, str, dict, bytes, float, Exception, set]:
    C = type("C", (base,), {})
    S = type("S", (base,), {"__slots__": ()})
    c = C()
    d = dir(c)
    print(base.__name__, "__dict__" in d, "__weakref__" in d, "__dict__" in dir(S()),
          "__weakref__" in dir(S()), all(hasattr(c, n) for n in d))


class A:
    pass


a = A()
print(a.__weakref__, a.__dict__, "__weakref__" in dir(a), len(dir(a)))

# Their types are CPython's, and they pickle and copy as CPython's do (getattr(type, name)).
import copy
import pickle

print(type(int.__repr__), type(str.upper), type(dict.__getitem__), type(len), type([].append))
print(pickle.loads(pickle.dumps(str.upper))("ab"), pickle.loads(pickle.dumps(dict.keys, 2))({1: 2}))
print(copy.deepcopy(str.upper) is str.upper, copy.copy(int.__add__) is int.__add__)
print(callable(str.upper), isinstance(str.upper, type(len)))
