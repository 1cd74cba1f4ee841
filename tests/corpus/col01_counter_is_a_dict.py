# A Counter is a dict: isinstance, json, dict(), ** unpacking, dict's own methods on it.
import json
from collections import Counter

c = Counter('abracadabra')
print(c, isinstance(c, dict), issubclass(Counter, dict), type(c).__mro__)
print(json.dumps(c), json.dumps(c, sort_keys=True))
print(dict(c), {**c}, {**c, 'z': 9})
print(dict.__getitem__(c, 'a'), c['missing'], 'missing' in c, len(c))
try:
    dict.__getitem__(c, 'missing')
except KeyError as e:
    print('KeyError:', e)
print(c | Counter('zz'), c & Counter('aab'), c | {'q': 1}, {'q': 1} | c)
print(type(c | {'q': 1}).__name__, type({'q': 1} | c).__name__)
print(c == dict(c), dict(c) == c, Counter(a=1) == {'a': 1}, Counter(a=1) != {'a': 2})
print(Counter(a=1, b=0) == Counter(a=1), {'a': 1, 'b': 0} == Counter(a=1))
print(sorted(c.keys()), sorted(c.values()), list(c.items())[:2])
print(c.get('a'), c.get('q'), c.get('q', -1), c.setdefault('q', 7), c.pop('q'))
del c['not there']
del c['d']
print(c, c.most_common(1), c.total())
c2 = c.copy()
c2['a'] += 1
print(type(c2).__name__, c2['a'], c['a'], sorted(c2.elements())[:6])
c.clear()
print(c, bool(c), repr(Counter()), Counter(x=2, y=-1))
print(+Counter(x=2, y=-1), -Counter(x=2, y=-1))
words = 'the cat and the hat and the bat'.split()
counts = Counter(words)
counts.update(['cat', 'cat'])
counts.subtract({'the': 1})
print(counts, counts.most_common(2))
print(sorted(Counter({'b': 2, 'a': 2}).items()), Counter(dict(a=3)) + Counter(a=-1))
try:
    Counter.fromkeys('abc')
except NotImplementedError as e:
    print('NotImplementedError:', e)
try:
    Counter('ab', 'cd')
except TypeError as e:
    print('TypeError:', e)
