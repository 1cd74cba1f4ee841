from functools import total_ordering

@total_ordering
class Card:
    ranks = '23456789TJQKA'
    def __init__(self, rank):
        self.rank = rank
    def __eq__(self, other):
        return self.rank == other.rank
    def __lt__(self, other):
        return self.ranks.index(self.rank) < self.ranks.index(other.rank)
    def __repr__(self):
        return f'Card({self.rank!r})'

k, t = Card('K'), Card('T')
print(k > t, k >= t, k <= t, t <= t, k != t)
print(sorted([Card('A'), Card('3'), Card('J')]), max(k, t))

@total_ordering
class Weight:
    def __init__(self, kg):
        self.kg = kg
    def __eq__(self, other):
        return self.kg == other.kg
    def __gt__(self, other):
        return self.kg > other.kg
print(Weight(1) < Weight(2), Weight(2) <= Weight(2), Weight(3) >= Weight(4))
try:
    @total_ordering
    class Unordered:
        pass
except ValueError as e:
    print('ValueError:', e)
