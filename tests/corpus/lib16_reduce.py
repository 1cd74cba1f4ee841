from functools import reduce
import operator

print(reduce(operator.add, [1, 2, 3, 4, 5]))
print(reduce(operator.mul, range(1, 11)))
print(reduce(lambda acc, x: acc * 10 + x, [4, 2, 7], 0))
print(reduce(max, [3, 9, 2]), reduce(operator.add, [], 'start'), reduce(operator.add, ['a'], ''))
print(reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [('a', 1), ('b', 2)], {}))
try:
    reduce(operator.add, [])
except TypeError as e:
    print('TypeError:', e)
