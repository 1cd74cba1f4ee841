from collections import defaultdict

counts = defaultdict(int)
for word in 'red blue red green blue red'.split():
    counts[word] += 1
print(counts)
print(sorted(counts.items(), key=lambda kv: -kv[1]))
tree = defaultdict(lambda: defaultdict(int))
tree['a']['x'] += 1
tree['a']['y'] += 2
tree['b']['x'] += 3
print({k: dict(v) for k, v in tree.items()})
plain = defaultdict(None)
try:
    plain['missing']
except KeyError as e:
    print('KeyError:', e)
try:
    defaultdict('not callable')
except TypeError as e:
    print('TypeError:', e)
print(counts.get('purple'), 'purple' in counts, counts.pop('green'), counts)
