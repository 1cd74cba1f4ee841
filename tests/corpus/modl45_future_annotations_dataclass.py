from __future__ import annotations
from dataclasses import dataclass
@dataclass
class Node:
    value: int
    next: Node | None = None
    kids: list[Node] = None
print(Node(1, Node(2)), Node.__annotations__)
from typing import NamedTuple, Optional


class Link(NamedTuple):
    target: Optional[Link]
    weight: float = 1.0


print(Link(None), Link.__annotations__)
