# dataclasses: field(default_factory=...), order/frozen, InitVar, kw_only, slots=True, make_dataclass.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar, FrozenInstanceError, is_dataclass
from typing import List, Dict, Optional, ClassVar
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)
    meta: Dict[str, int] = field(default_factory=dict, repr=False)
    count: ClassVar[int] = 0
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.b = self.a * scale
i = Item('x'); j = Item('y', 2.5, ['t'])
i.tags.append('new')
print(i, j, i == Item('x', tags=['new']), asdict(j), astuple(j))
print(sorted([Version(1, 2), Version(1, 0), Version(0, 9)]), Version(1) < Version(1, 1), Version(1, label='a') == Version(1, label='b'))
try: Version(1).major = 3
except FrozenInstanceError as e: print('frozen', e)
print(hash(Version(1, 2)) == hash(Version(1, 2)), replace(j, price=9), [f.name for f in fields(Item)], WithPost(3), WithPost(3, 5))
print(is_dataclass(Item), is_dataclass(i), is_dataclass(int))
@dataclass
class Node:
    value: int
    children: List['Node'] = field(default_factory=list)
n = Node(1, [Node(2), Node(3, [Node(4)])])
print(n, asdict(n))
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e: print(e)
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1))
try: K(1)
except TypeError as e: print(e)
@dataclass(slots=True)
class S:
    x: int
    y: int = 0
s = S(1)
print(s, S.__slots__)
try: s.z = 3
except AttributeError as e: print('slots', e)
@dataclass
class Inv:
    items: list = field(default_factory=lambda: [1, 2])
    def total(self): return sum(self.items)
print(Inv().total(), Inv([5]).total(), Item.__match_args__ if hasattr(Item, '__match_args__') else None)
print(repr(field(default=1))[:20])
