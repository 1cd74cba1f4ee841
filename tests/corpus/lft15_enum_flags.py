# enum Flag: auto() combined in the body (R | W), which members iteration lists, IntFlag's unnamed bits.
from enum import Enum, Flag, IntFlag, auto, unique, IntEnum
class Perm(Flag):
    R = auto(); W = auto(); X = auto()
    RWX = R | W | X
print(Perm.R | Perm.W, Perm.RWX, list(Perm), Perm.R in (Perm.R | Perm.X), bool(Perm(0)), Perm(0), repr(Perm.R | Perm.X))
print(~Perm.R, Perm.RWX & ~Perm.W, [m.name for m in (Perm.R | Perm.W)], len(Perm.R | Perm.W), (Perm.R | Perm.W).value)
class Color(IntFlag):
    RED = 1; GREEN = 2; BLUE = 4
print(Color.RED | 8, Color.RED | Color.BLUE, int(Color.GREEN), Color.RED + 1, repr(Color(3)), Color(0))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3))
try:
    @unique
    class M(Enum):
        A = 1; B = 1
except ValueError as e: print(e)
class Shape(Enum):
    SQUARE = 2; DIAMOND = 1; CIRCLE = 3; ALIAS_FOR_SQUARE = 2
print(list(Shape), Shape.ALIAS_FOR_SQUARE, Shape(2), list(Shape.__members__.items())[-1])
class Ordered(Enum):
    def __lt__(self, other): return self.value < other.value
    A = 3; B = 1
print(sorted(Ordered), Ordered.A.name, f"{Ordered.A}", f"{Color.RED}", format(Color.RED, 'd'), str(IntEnum('N', 'X').X))
class Weekday(Enum):
    MON = 1; TUE = 2
    @classmethod
    def today(cls): return cls.MON
    def describe(self): return f'{self.name} is {self.value}'
print(Weekday.today(), Weekday.TUE.describe(), Weekday['MON'], Weekday.MON is Weekday(1), hash(Weekday.MON) == hash(Weekday.MON))
print(Perm.R.__class__, type(Perm.R | Perm.W), Perm.__members__.keys())
class Empty(Flag):
    NONE = 0
    A = auto()
    B = auto()
    AB = A | B
print(list(Empty), len(Empty), Empty.AB, Empty(0), repr(Empty.NONE), list(reversed(Empty)), Empty.AB.value)
print(repr(Color(8)), repr(Color.RED | 16), str(Color(12)), repr(Color(-1)), repr(Color(0)))
