from collections import Counter

c = Counter('mississippi')
print(c)
print(c['s'], c['z'], len(c), sorted(c), c.total())
print(sorted(c.elements()))
c['z'] += 2
del c['m']
del c['nothing']
print(c, 'z' in c, 'm' in c)
print(Counter({'red': 4, 'blue': 2}), Counter(cats=4, dogs=8), Counter())
print(dict(Counter('aab')), list(Counter('cba').items()))
print(Counter('ab') == {'a': 1, 'b': 1}, {'b': 1, 'a': 1} == Counter('ab'), Counter('ab') != {'a': 1})
