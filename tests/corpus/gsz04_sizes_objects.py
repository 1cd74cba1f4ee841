# Instances of a program's classes: object's __sizeof__ (header, slots, __weakref__) and what
# getsizeof adds (the GC header, and 16 for a managed __dict__); __slots__ across inheritance;
# a class's own __sizeof__ honoured and checked (negative, not an int, too big, TypeError with a
# default); functions, methods, builtins and modules; getsizeof's own argument errors.
import sys
g = sys.getsizeof
class A:
    pass
class B:
    def __init__(self):
        self.x = 1
        self.y = [1, 2, 3]
    def m(self):
        return self.x
class S:
    __slots__ = ("a", "b")
class E:
    __slots__ = ()
class W:
    __slots__ = ("a", "__weakref__")
class D:
    __slots__ = ("a", "__dict__")
class C(S):
    __slots__ = ("c",)
class N(S):
    pass
class Z:
    def __sizeof__(self):
        return 100
class ZS:
    __slots__ = ()
    def __sizeof__(self):
        return 100
class ZZ(Z):
    pass
for cls in [A, B, S, E, W, D, C, N, Z, ZS, ZZ]:
    o = cls()
    print(cls.__name__, g(o), o.__sizeof__())
b = B()
b.z = 3
print(g(b), g(B()) == g(b))
def f(a, b=1, *c, **d):
    return a
print(g(f), g(lambda: 0), g(b.m), g([].append), g(len), g(print), g(sys))
class Bad:
    def __sizeof__(self):
        return -1
class NotInt:
    def __sizeof__(self):
        return "x"
class Raises:
    def __sizeof__(self):
        raise TypeError("no size")
class Huge:
    def __sizeof__(self):
        return 2**70
class BoolSize:
    def __sizeof__(self):
        return True
for cls in [Bad, NotInt, Raises, Huge, BoolSize]:
    for extra in [(), (7,)]:
        try:
            print(cls.__name__, extra, g(cls(), *extra))
        except Exception as e:
            print(cls.__name__, extra, type(e).__name__, e)
print(g(1, 5), g(object=1), g(1, default=2), g([], None))
for call in [lambda: g(), lambda: g(1, 2, 3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
