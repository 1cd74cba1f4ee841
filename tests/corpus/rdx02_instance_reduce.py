# object.__reduce_ex__ of instances: classes derived from int, list, dict and tuple rebuilt from their
# reduction at protocols 1 and 2, an exception's (class, args, dict), a class's own __reduce__ that
# __reduce_ex__ and copy follow, slots, copyreg's helpers called directly, the argument errors.
import copyreg
import copy
class I(int):
    pass
class L(list):
    pass
class D(dict):
    pass
class T(tuple):
    pass
for v in (I(7), L([1, 2]), D(a=1), T((1, 2))):
    v.tag = 'x'
    for p in (1, 2):
        r = v.__reduce_ex__(p)
        f = r[0]
        print(type(v).__name__, p, f.__name__, [a.__name__ if isinstance(a, type) else a for a in r[1]], r[2],
              [list(x) if x is not None else None for x in r[3:]])
        obj = f(*r[1])
        if len(r) > 2 and r[2]:
            obj.__dict__.update(r[2])
        if len(r) > 3 and r[3] is not None:
            obj.extend(v)
        print(' rebuilt', type(obj).__name__, obj, obj.__dict__)
e = ValueError('bad', 3)
print(e.__reduce__(), e.__reduce_ex__(2))
e.note = 1
print(e.__reduce__())
print(KeyError('k').__reduce_ex__(4))
class R:
    def __init__(self, n):
        self.n = n
    def __reduce__(self):
        return (R, (self.n * 10,))
r = R(2)
print(r.__reduce_ex__(2)[0].__name__, r.__reduce_ex__(2)[1], r.__reduce__()[1])
print(copy.copy(r).n, copy.deepcopy(r).n)
class Sl:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
s = Sl()
print(s.__reduce_ex__(2)[2], s.__getstate__())
class Q:
    pass
q = Q()
print(q.__getstate__(), q.__reduce_ex__(2)[2], q.__reduce__()[1][0].__name__, q.__reduce__()[1][1].__name__, len(q.__reduce__()))
print(copyreg.__newobj__(I, 4), copyreg._reconstructor(Q, object, None).__class__.__name__)
print(copyreg._reconstructor(I, int, 9), type(copyreg._reconstructor(I, int, 9)).__name__)
try:
    (5).__reduce_ex__()
except TypeError as ex:
    print(ex)
try:
    (5).__reduce__(1)
except TypeError as ex:
    print(ex)
try:
    (5).__reduce_ex__('2')
except TypeError as ex:
    print(ex)
print((5).__reduce_ex__(True)[0].__name__ if False else 'x')
