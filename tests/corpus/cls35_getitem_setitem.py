# Container protocol: __getitem__, __setitem__, __delitem__, __len__, __reversed__.
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
    def __reversed__(self):
        return iter(sorted(self.cells, reverse=True))

g = Grid()
g[0, 1] = "x"
g[2, 2] = "o"
print(g[0, 1], g[1, 1], len(g))
del g[0, 1]
print(len(g), list(reversed(g)))
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError:", e)
class S:
    def __getitem__(self, k):
        return k
print(S()[1:3], S()[::2], S()[1, 2:3])
