from enum import Enum, auto
from dataclasses import dataclass, field, asdict, replace


class Suit(Enum):
    HEARTS = "♥"
    SPADES = "♠"


class Rank(Enum):
    ACE = auto()
    KING = auto()
    QUEEN = auto()


@dataclass(frozen=True)
class Card:
    rank: Rank
    suit: Suit

    def __str__(self):
        return f"{self.rank.name.title()}{self.suit.value}"


@dataclass
class Hand:
    cards: list = field(default_factory=list)

    def add(self, card):
        self.cards.append(card)
        return self


h = Hand().add(Card(Rank.ACE, Suit.SPADES)).add(Card(Rank.QUEEN, Suit.HEARTS))
print(h)
print([str(c) for c in h.cards])
print(asdict(h))
print(replace(h.cards[0], suit=Suit.HEARTS))
print(sorted(h.cards, key=lambda c: c.rank.value)[0], Card(Rank.KING, Suit.HEARTS) in h.cards)
by_suit = {}
for c in h.cards:
    by_suit.setdefault(c.suit, []).append(c.rank.name)
print(by_suit)
