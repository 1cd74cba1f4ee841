import collections
import functools as ft
from itertools import chain as join_all
import operator, heapq, copy

c = collections.Counter('aab')
print(c, type(c).__name__, collections.Counter is type(c))
print(ft.reduce(operator.add, [1, 2, 3]), list(join_all([1], [2])))
print(collections.namedtuple('P', 'a')(1), collections.deque([1]), collections.OrderedDict(a=1))
print(heapq.nsmallest(1, [3, 1]), copy.deepcopy([1]))
print(collections.__name__, ft.__name__, operator.__name__)
try:
    collections.nope
except AttributeError as e:
    print('AttributeError:', e)
print(hasattr(collections, 'deque'), hasattr(ft, 'partial'))
