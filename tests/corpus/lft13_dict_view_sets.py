# dict.keys() and dict.items() are set-like: comparisons, set operators, isdisjoint, reversed.
d = {'a': 1, 'b': 2}
print(d.keys() == {'a', 'b'}, d.keys() == ['a', 'b'], d.items() == {('a', 1), ('b', 2)}, {'a', 'b'} == d.keys())
print(d.keys() != {'a'}, d.keys() < {'a', 'b', 'c'}, d.keys() <= {'a', 'b'}, d.keys() > {'a'})
print(sorted(d.keys() & {'a', 'z'}), sorted(d.keys() | ['z']), sorted(d.keys() - {'a'}), sorted(d.keys() ^ {'a', 'q'}))
print(sorted({'a', 'z'} & d.keys()), sorted(['z'] | d.keys()) if False else 0, sorted({'x'} - d.keys()))
print(d.keys() == {'a': 0, 'b': 0}.keys(), d.items() == {'a': 1, 'b': 3}.items(), d.keys().isdisjoint(['q']), d.items().isdisjoint([('a', 1)]))
print(list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print(d.values() == d.values(), d.keys() == d.keys())
for cmp in [lambda: d.keys() < [1], lambda: d.keys() >= [1]]:
    try:
        print(cmp())
    except TypeError as e:
        print(e)
try:
    hash(d.keys())
except TypeError as e:
    print(e)
print(type(d.keys() & set()).__name__)
