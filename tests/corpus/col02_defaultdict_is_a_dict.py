# defaultdict is a dict with __missing__ and a default_factory.
import json
from collections import defaultdict

d = defaultdict(list)
for word in 'apple avocado banana blueberry cherry'.split():
    d[word[0]].append(word)
print(d)
print(isinstance(d, dict), d.default_factory, json.dumps(d), dict(d), {**d})
print(d == {'a': ['apple', 'avocado'], 'b': ['banana', 'blueberry'], 'c': ['cherry']})
print(d.get('z'), 'z' in d, d['z'], 'z' in d, len(d))
print(dict.get(d, 'a'), d.__missing__('y'), sorted(d))
counts = defaultdict(int, {'x': 1}, y=2)
counts['x'] += 1
counts['w'] += 5
print(counts, counts.copy(), type(counts.copy()).__name__)
print(counts | {'q': 0}, {'q': 0} | counts, type({'q': 0} | counts).__name__)
none = defaultdict()
print(none, none.default_factory, defaultdict(None, a=1))
try:
    none['k']
except KeyError as e:
    print('KeyError:', e)
try:
    defaultdict(1)
except TypeError as e:
    print('TypeError:', e)
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 1
print(json.dumps(nested), dict(nested['a']))
d.default_factory = set
d['s'].add(1)
print(d['s'], d.default_factory)
print(repr(defaultdict(tuple, {1: (2,)})), str(defaultdict(str)))
