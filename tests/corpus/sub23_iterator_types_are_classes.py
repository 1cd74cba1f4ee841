# enumerate, zip, map, filter and reversed are classes, as CPython's: their type, repr, name,
# isinstance of what they make, and classes derived from them with __init__ and __next__ of their
# own. reversed() of a sequence with its own __reversed__ (a list) gives that iterator even to a
# class derived from reversed.
for t in (enumerate, zip, map, filter, reversed):
    print(type(t), repr(t), t.__name__, t.__qualname__, t.__mro__)
print(isinstance(zip([]), zip), type(zip([])) is zip, type(enumerate("")) is enumerate)
print(type(map(abs, [])).__name__, type(filter(None, [])).__name__)
print(type(reversed([1])).__name__, type(reversed((1,))).__name__, type(reversed(range(2))).__name__)
print(list(enumerate("ab", 1)), list(zip([1, 2], [3, 4])), list(map(str, [1])))
print(list(filter(None, [0, 1])), list(reversed([1, 2])), zip.__new__(zip, [1]).__next__())


class Tagged(zip):
    def __init__(self, *its):
        self.n = 0

    def __next__(self):
        self.n += 1
        return ("#",) + super().__next__()


c = Tagged([1, 2], "ab")
print(type(c).__name__, isinstance(c, zip), list(c), c.n, iter(c) is c)


class E(enumerate):
    pass


print(list(E("xy", start=5)), next(iter(E("z"))), type(zip.__new__(Tagged, [1])).__name__)


class R(reversed):
    pass


print(type(R([1, 2, 3])).__name__, list(R([1, 2, 3])), isinstance(R([1]), reversed))
print(type(R((1, 2, 3))).__name__, list(R((1, 2, 3))), list(R("abc")))


class Absolute(map):
    def __init__(self, f, *its):
        super().__init__()
        self.f = f


m = Absolute(abs, [-1, -2])
print(list(m), m.f, type(m).__name__)


class Evens(filter):
    def __new__(cls, items):
        return super().__new__(cls, lambda x: x % 2 == 0, items)


print(list(Evens(range(7))), Evens.__mro__)

for make in (lambda: zip(1), lambda: enumerate(), lambda: map(abs), lambda: filter(None),
             lambda: reversed(5), lambda: Tagged(3), lambda: enumerate("a", "b")):
    try:
        make()
    except TypeError as e:
        print(e)
