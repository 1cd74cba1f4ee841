from collections import OrderedDict

od = OrderedDict()
for key in 'banana apple cherry'.split():
    od[key] = len(key)
print(od)
od.move_to_end('banana')
print(list(od))
od.move_to_end('cherry', last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
lru = OrderedDict.fromkeys('abc', 0)
lru.move_to_end('a')
print(lru, OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})
print(OrderedDict(), OrderedDict([('x', 1)]))
for bad in [lambda: OrderedDict().popitem(), lambda: od.move_to_end('nope')]:
    try:
        bad()
    except KeyError as e:
        print('KeyError:', e)
