# __call__, __add__ and other arithmetic dunders, __bool__.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
print(add5(10), list(map(add5, [1, 2])), callable(add5))
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, b - a, a * 3, a + b == Vec(4, 6))
c = a
c += b
print(c, a)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    def __radd__(self, other):
        return self.__add__(other)
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __bool__(self):
        return self.cents != 0
print(Money(150) + Money(275), sum([Money(1), Money(99), Money(5)]))
print(bool(Money(0)), bool(Money(1)))
