# A dict subclass iterates as the dict it is: a defaultdict that makes a key while the loop reads
# it (the classic slip), a Counter updated in its own loop, a program's own subclass.
from collections import Counter, defaultdict


class Registry(dict):
    def register(self, name):
        self[name] = len(self)


groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "cherry"]:
    groups[word[0]].append(word)
try:
    for letter in groups:
        print(letter, groups[letter], groups[letter.upper()])
except RuntimeError as e:
    print("defaultdict:", e)
print(sorted(groups))

counts = Counter("abracadabra")
try:
    for ch, n in counts.items():
        if n > 1:
            counts[ch * 2] += 1
except RuntimeError as e:
    print("Counter:", e)
print(sorted(counts.items()))

r = Registry(a=0)
try:
    for name in r:
        r.register(name + "!")
except RuntimeError as e:
    print("Registry:", e)
print(r)

# Reading, and changing values only, is fine for all of them.
for letter in groups:
    groups[letter] = len(groups[letter])
print(dict(groups), type(iter(groups)).__name__, type(reversed(counts)).__name__)
