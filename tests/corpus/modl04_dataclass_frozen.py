from dataclasses import dataclass, FrozenInstanceError


@dataclass(frozen=True)
class Pair:
    a: int
    b: str = "x"


p = Pair(1)
print(p)
try:
    p.a = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    p.c = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.b
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(issubclass(FrozenInstanceError, AttributeError))
print(Pair(1) == Pair(1), len({Pair(1), Pair(1), Pair(2)}))
d = {Pair(1, "y"): "found"}
print(d[Pair(1, "y")])
p = Pair(1)
print(p.a, p.b)
