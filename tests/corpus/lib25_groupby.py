from itertools import groupby

print([(k, list(g)) for k, g in groupby('aaabbcaa')])
print([k for k, _ in groupby([1, 1, 2, 3, 3, 3])])
records = [('eng', 'ann'), ('eng', 'bo'), ('ops', 'cy'), ('eng', 'di')]
for dept, members in groupby(sorted(records), key=lambda r: r[0]):
    print(dept, [name for _, name in members])
print([(k, len(list(g))) for k, g in groupby('1112223', key=int)])
runs = groupby('xxyz')
k1, g1 = next(runs)
k2, g2 = next(runs)
print(k1, list(g1), k2, list(g2))
print(list(groupby([])))
