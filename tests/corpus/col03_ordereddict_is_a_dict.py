# OrderedDict is a dict that can move keys and compares in order with another OrderedDict.
import json
from collections import OrderedDict

od = OrderedDict(b=2, a=1)
od['c'] = 3
print(od, isinstance(od, dict), json.dumps(od), dict(od), {**od})
od.move_to_end('b')
od.move_to_end('c', last=False)
print(od, list(od), list(reversed(od)))
print(od == OrderedDict([('c', 3), ('a', 1), ('b', 2)]), od == OrderedDict(a=1, b=2, c=3))
print(od == {'a': 1, 'b': 2, 'c': 3}, {'a': 1, 'b': 2, 'c': 3} == od, od != OrderedDict(od))
print(od.popitem(), od.popitem(last=False), od)
print(od | {'z': 0}, {'z': 0} | od, type({'z': 0} | od).__name__)
od |= {'y': 1}
print(od, od.copy(), type(od.copy()).__name__, OrderedDict.fromkeys('xy', 0))
print(od.setdefault('k', 5), od.pop('k'), od.get('k'), len(od), dict.__getitem__(od, 'a'))
print(OrderedDict(), repr(OrderedDict([(1, [2])])))
for bad in [lambda: OrderedDict().popitem(), lambda: od.move_to_end('nope'),
            lambda: od['nope']]:
    try:
        bad()
    except KeyError as e:
        print('KeyError:', e)
lru = OrderedDict()
for key in [1, 2, 3, 1, 4]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = str(key)
    if len(lru) > 3:
        lru.popitem(last=False)
print(lru)
