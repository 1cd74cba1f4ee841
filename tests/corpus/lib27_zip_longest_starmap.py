from itertools import zip_longest, starmap

print(list(zip_longest('ABCD', 'xy')))
print(list(zip_longest('AB', [1, 2, 3], fillvalue='-')))
print(list(zip_longest()), list(zip_longest([1], [])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda a, b: f'{a}={b}', {'x': 1, 'y': 2}.items())))
print(dict(starmap(lambda k, v: (v, k), [('a', 1), ('b', 2)])))
