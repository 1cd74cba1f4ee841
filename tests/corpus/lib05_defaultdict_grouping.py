from collections import defaultdict

pairs = [('fruit', 'apple'), ('veg', 'leek'), ('fruit', 'fig'), ('nut', 'pecan'), ('veg', 'kale')]
groups = defaultdict(list)
for kind, name in pairs:
    groups[kind].append(name)
print(groups)
print(groups['fruit'], groups['grain'], sorted(groups))
print(groups.default_factory, len(groups))
by_len = defaultdict(set)
for word in ['a', 'bb', 'cc', 'd']:
    by_len[len(word)].add(word)
print(dict(sorted((k, sorted(v)) for k, v in by_len.items())))
print(defaultdict(list), defaultdict(None, {'k': 1}), defaultdict())
