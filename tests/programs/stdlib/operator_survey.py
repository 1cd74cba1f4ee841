# operator: the function form of each operator, and the getter/caller classes.
import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul(2, 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(4), op.pos(-4), op.abs(-4), op.invert(5), op.inv(5), op.lshift(1, 4), op.rshift(256, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.index(7), op.concat([1], [2]), op.concat('a', 'b'))
print(op.eq(1, 1), op.ne(1, 1), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2))
print(op.not_(0), op.truth([]), op.truth([0]), op.is_(None, None), op.is_not(1, None))
print(op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'), op.getitem('abc', 1), op.getitem([1, 2, 3], -1))
d = {'a': 1}
op.setitem(d, 'b', 2)
op.delitem(d, 'a')
print(d)
lst = [1]
print(op.iadd(lst, [2]), lst, op.iadd(1, 2), op.isub(5, 1), op.imul([0], 3), op.iconcat([1], [2]), op.ior(1, 2), op.iand(3, 1), op.ixor(3, 1))
print(op.ifloordiv(7, 2), op.itruediv(7, 2), op.imod(7, 2), op.ipow(2, 3), op.ilshift(1, 2), op.irshift(8, 1))
print(op.length_hint([1, 2, 3]), op.length_hint(iter([]), 5) >= 0)
print(op.itemgetter(1)('abc'), op.itemgetter(1, 0)('abc'), op.itemgetter('k')({'k': 9}), op.itemgetter(-1)([1, 2, 3]))
print(sorted([('b', 2), ('a', 3), ('c', 1)], key=op.itemgetter(1)))
print(repr(op.itemgetter(1)), repr(op.itemgetter('a', 'b')), repr(op.attrgetter('x')), repr(op.attrgetter('a', 'b.c')))
class P:
    def __init__(self, x, inner=None):
        self.x = x
        self.inner = inner
    def scaled(self, k, plus=0):
        return self.x * k + plus
p = P(3, P(4))
print(op.attrgetter('x')(p), op.attrgetter('inner.x')(p), op.attrgetter('x', 'inner.x')(p))
print(op.methodcaller('scaled', 2)(p), op.methodcaller('scaled', 2, plus=1)(p), op.methodcaller('upper')('abc'))
print(repr(op.methodcaller('scaled', 2, plus=1)), repr(op.methodcaller('strip')))
print(list(map(op.methodcaller('split', ','), ['a,b', 'c'])))
for f, args in [(op.attrgetter('nope'), (p,)), (op.itemgetter(5), ('abc',)), (op.add, (1, 'a')), (op.index, (1.5,)), (op.truediv, (1, 0))]:
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    op.attrgetter(1)
except TypeError as e:
    print('TypeError', e)
try:
    op.methodcaller(1)
except TypeError as e:
    print('TypeError', e)
print(op.__add__(1, 2), op.__getitem__('ab', 0))
