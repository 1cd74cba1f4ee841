from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass


@dataclass
class Item:
    name: str
    qty: int = 1


@dataclass
class Order:
    id: int
    items: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    best: Item = None


o = Order(7, [Item("pen", 2), Item("ink")], {"rush": Item("box")}, Item("cap", 9))
print(asdict(o))
print(astuple(o))
print(asdict(Item("a")) == {"name": "a", "qty": 1})
r = replace(o.items[0], qty=5)
print(r, o.items[0])
print(is_dataclass(Item), is_dataclass(r), is_dataclass(3), is_dataclass(dict))
for f in fields(Order):
    print(f.name, f.type.__name__)
try:
    asdict(3)
except TypeError as e:
    print("TypeError:", e)
try:
    fields(3)
except TypeError as e:
    print("TypeError:", e)
try:
    replace(Item("z"), colour="red")
except TypeError as e:
    print("TypeError:", e)
