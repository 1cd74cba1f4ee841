from dataclasses import dataclass, field


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: str = field(compare=False)


k1, k2 = Key(1, "x"), Key(1, "y")
print(k1 == k2, hash(k1) == hash(k2), len({k1, k2}))


@dataclass(eq=False)
class ById:
    n: int


x, y = ById(1), ById(1)
print(x == y, x == x, len({x, y}))


@dataclass(frozen=True, order=True)
class Card:
    rank: int
    suit: str = field(compare=False)


hand = [Card(10, "h"), Card(2, "s"), Card(7, "d")]
print(sorted(hand))
print(Card(3, "a") == Card(3, "b"), max(hand).rank)
counts = {}
for c in [Card(1, "a"), Card(1, "b"), Card(2, "a")]:
    counts[c] = counts.get(c, 0) + 1
print(counts)
