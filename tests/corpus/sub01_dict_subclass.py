# A class derived from dict: its own methods, the dict's methods and protocols, __missing__.
class Tally(dict):
    def __missing__(self, key):
        return 0

    def add(self, word):
        self[word] += 1
        return self


t = Tally()
for w in "the cat and the hat and the bat".split():
    t.add(w)
print(t)
print(t["the"], t["dog"], "dog" in t, len(t))
print(sorted(t.items()), sorted(t.keys()), sum(t.values()))
print(isinstance(t, dict), type(t).__name__, type(t) is dict)
print(t == {"the": 3, "cat": 1, "and": 2, "hat": 1, "bat": 1})
print(dict(t) == t, type(dict(t)).__name__)
t.update(dog=2)
t.pop("cat")
print(t.get("dog"), t.get("cat", "gone"), list(t))
print({**t}["dog"])
