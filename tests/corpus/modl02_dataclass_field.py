from dataclasses import dataclass, field


@dataclass
class Basket:
    owner: str
    items: list = field(default_factory=list)
    secret: str = field(default="s3cr3t", repr=False)
    count: int = field(default=0, compare=False)
    total: int = field(init=False, default=0)


a = Basket("ann")
b = Basket("bob")
a.items.append("apple")
print(a)
print(b)
print(a.items is b.items)
print(Basket("ann", ["apple"], count=5) == a)
print(Basket("ann", ["apple"], "other") == a)
c = Basket("cy", ["x"], "k", 3)
print(c, c.secret, c.total)
try:
    Basket("dee", total=4)
except TypeError as e:
    print("TypeError:", e)
