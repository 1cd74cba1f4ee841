# __len__, __getitem__, __contains__, __iter__ (via a list), truthiness from __len__.
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __contains__(self, card):
        print("checking", card)
        return card in self.cards
    def __iter__(self):
        return iter(self.cards)
d = Deck(["A", "K", "Q"])
print(len(d), d[0], d[-1], d[1:])
print("K" in d, "J" in d)
for c in d:
    print("card", c)
print(list(d), sorted(d), [c.lower() for c in d])
print(bool(d), bool(Deck([])))
if not Deck([]):
    print("empty deck is falsy")
class Squares:
    def __getitem__(self, i):
        return i * i
sq = Squares()
print(sq[4], sq[12])
class Table:
    def __init__(self):
        self.data = {}
    def __setitem__(self, key, value):
        self.data[key] = value
    def __getitem__(self, key):
        return self.data[key]
    def __delitem__(self, key):
        del self.data[key]
t = Table()
t["a"] = 1
t["b"] = 2
del t["a"]
print(t.data, t["b"])
