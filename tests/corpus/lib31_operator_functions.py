import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8))
print(op.neg(3), op.pos(-3), op.abs(-3), op.invert(0), op.lshift(1, 5), op.rshift(64, 3))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.not_(''), op.truth('x'))
print(op.eq(1, 1.0), op.ne('a', 'b'), op.lt(1, 2), op.le(2, 1), op.gt(3, 2), op.ge(2, 2))
print(op.is_(None, None), op.is_not([], []), op.contains('team', 'i'), op.concat([1], [2]), op.index(5))
d = {}
op.setitem(d, 'k', 1)
print(op.getitem(d, 'k'), d)
op.delitem(d, 'k')
print(d)
items = [1]
print(op.iadd(items, [2]), items, op.iadd(1, 2), op.imul('ab', 2))
print(list(map(op.mul, [1, 2, 3], [4, 5, 6])))
