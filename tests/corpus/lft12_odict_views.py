# OrderedDict's views are odict_keys / odict_values / odict_items.
from collections import OrderedDict

d = OrderedDict(a=1, b=2, c=3)
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(len(k), 'a' in k, 'z' in k, ('a', 1) in i, ('a', 2) in i, 2 in v)
d['d'] = 4
d.move_to_end('a')
print(list(k), list(v), list(i))
print(list(reversed(k)), list(reversed(i)))
print(k == {'a', 'b', 'c', 'd'}, k & {'a', 'x'}, k | {'x'} == {'a', 'b', 'c', 'd', 'x'}, sorted(k - {'a'}))
print(i == {('a', 1), ('b', 2), ('c', 3), ('d', 4)}, k.isdisjoint({'q'}))
print(d, dict(d), list(d))
e = OrderedDict()
print(e.keys(), e.values(), e.items())
print(sorted(d.items(), key=lambda kv: -kv[1]))
for key, value in d.items():
    print(key, value, end="; ")
print()
print(OrderedDict(d.items()) == d, [x for x in d.values()])
