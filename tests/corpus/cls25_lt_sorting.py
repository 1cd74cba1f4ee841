# Sorting, min and max use __lt__ only.
class Card:
    def __init__(self, rank):
        self.rank = rank
    def __lt__(self, other):
        return self.rank < other.rank
    def __repr__(self):
        return f"Card({self.rank})"

cards = [Card(5), Card(2), Card(9), Card(2)]
print(sorted(cards))
print(sorted(cards, reverse=True))
print(min(cards), max(cards))
cards.sort()
print(cards)
class NoOrder:
    pass
try:
    sorted([NoOrder(), NoOrder()])
except TypeError as e:
    print("TypeError:", e)
print(Card(1) > Card(0))
