# Every value has what `object` gives it: dir() lists those names for builtin values, iterators,
# generators and instances alike, sorted, and each one it lists is there (dir and hasattr agree).


class A:
    pass


class B(A):
    def m(self):
        return 1


OBJECT = set(dir(object()))
# Values whose dir() is CPython's whole: object's names and their type's own.
whole = [A(), B(), object(), [], {}, (), "", b"", 1, 1.5, True, None, range(2), slice(1),
         bytearray()]
for v in whole:
    d = dir(v)
    print(type(v).__name__, OBJECT <= set(d), d == sorted(d), all(hasattr(v, n) for n in d))

# Iterators, generators, builtin functions: object's methods and comparisons are there too.
SOME = {"__eq__", "__ne__", "__lt__", "__hash__", "__repr__", "__str__", "__format__",
        "__init__", "__dir__", "__getattribute__", "__setattr__", "__sizeof__", "__doc__",
        "__subclasshook__", "__init_subclass__", "__class__", "__new__"}
rest = [Ellipsis, iter([]), iter(()), iter(""), iter({}), iter(range(3)), zip(),
        map(str, []), filter(None, []), enumerate([]), reversed([]), len, [].append,
        (x for x in ())]
for v in rest:
    d = dir(v)
    print(type(v).__name__, SOME <= set(d), d == sorted(d), all(hasattr(v, n) for n in d))

print(len(OBJECT), sorted(OBJECT)[:4])
print(sorted(set(dir(range(1))) - OBJECT))
print(sorted(set(dir(B())) - OBJECT - {"__dict__", "__weakref__"}))
a = A()
print(a.__eq__(a), a.__eq__(1), a.__ne__(a), a.__lt__(a), a.__format__(""), a.__dir__() is not None)
it = iter([1])
print(it.__eq__(it), it.__ne__(1), it.__lt__(it), it.__hash__() == hash(it), it.__init__())
print(None.__eq__(None), None.__repr__(), Ellipsis.__str__(), range(3).__eq__(range(0, 3)))
print(len.__eq__(len), len.__repr__(), len.__str__() == str(len))
g = (x for x in [1])
print(g.__eq__(g), g.__ne__(g), type(g.__sizeof__).__name__)
