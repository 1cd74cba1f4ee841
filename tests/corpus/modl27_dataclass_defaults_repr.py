from dataclasses import dataclass, field


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    parent: "Node" = field(default=None, repr=False, compare=False)

    def add(self, value):
        child = Node(value, parent=self)
        self.children.append(child)
        return child


root = Node(1)
a = root.add(2)
a.add(3)
root.add(4)
print(root)
print(a.parent.value, a == Node(2, [Node(3)]))


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty())


@dataclass(repr=False, eq=False)
class Bare:
    n: int


b = Bare(1)
print(b.n, b == Bare(1), repr(b).startswith("<__main__.Bare object at"))


@dataclass
class Money:
    amount: float
    currency: str = "EUR"

    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"


m = Money(3.5)
print(m, repr(m), [m], f"{m}")
