# The defaultdict pattern written by hand: __init__ with extra arguments, super().__init__.
class Grouped(dict):
    def __init__(self, factory, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.factory = factory

    def __missing__(self, key):
        value = self[key] = self.factory()
        return value


g = Grouped(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    g[word[0]].append(word)
print(g)
print(g.factory is list, len(g), g["z"], len(g))
h = Grouped(int, {"a": 1}, b=2)
h["c"] += 5
print(h, sorted(h))


def show(**kw):
    return sorted(kw.items())


print(show(**h))
