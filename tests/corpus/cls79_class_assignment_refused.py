# obj.__class__ = C where CPython refuses it: not a class, a builtin value or type, a class of
# another layout (another builtin base, other __slots__); the same class is allowed.
class P:
    pass


class N(int):
    pass


class L(list):
    pass


class D(dict):
    pass


class S:
    __slots__ = ("a",)


class T:
    __slots__ = ("b",)


def reclass(obj, cls):
    try:
        obj.__class__ = cls
        print("now", type(obj).__name__)
    except TypeError as e:
        print("TypeError:", e)


p = P()
reclass(p, P)
reclass(p, 5)
reclass(p, int)
reclass(p, N)
reclass(N(2), P)
reclass(L(), D)
reclass(S(), T)
reclass(1, N)
reclass([], L)
setattr(p, "__class__", P)
print(type(p).__name__, "__class__" in vars(p))
