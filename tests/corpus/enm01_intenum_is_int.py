# IntEnum and IntFlag members are ints, as in CPython: isinstance and issubclass, the MRO,
# arithmetic and comparisons giving ints, int(), indexing, hashing as the int (dict and set
# lookups by the plain int), and int's own methods on a member.
from enum import Enum, IntEnum, IntFlag


class Color(IntEnum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


class Plain(Enum):
    A = 1


print(isinstance(Color.RED, int), isinstance(Perm.R, int), isinstance(Plain.A, int))
print(issubclass(Color, int), issubclass(Perm, int), issubclass(IntEnum, int), isinstance(Color.RED, Color))
print(Color.__mro__)
print(IntFlag.__mro__)
print(Color.RED + 1, Color.GREEN * 3, Color.BLUE // 2, Color.BLUE % 2, Color.BLUE / 2, -Color.GREEN, abs(Color.RED))
print(type(Color.RED + 1).__name__, type(-Color.RED).__name__, type(Color.RED + Color.GREEN).__name__)
print(Color.RED == 1, Color.RED != 1, Color.RED < Color.GREEN, 2 > Color.RED, Color.GREEN >= 2, Plain.A == 1)
print(int(Color.GREEN), type(int(Color.GREEN)).__name__, float(Color.BLUE), bool(Color.RED))
print(['a', 'b', 'c', 'd'][Color.BLUE], 'xyz'[Color.RED:], list(range(Color.BLUE)))
print(hash(Color.RED) == hash(1), {Color.RED: 'r'}[1], {1: 'one'}[Color.RED], 2 in {Color.GREEN}, Color.BLUE in {3: 0})
print(sorted([Color.GREEN, 0, Color.RED, 5]), max(Color), min(Color), sum(Color))
print(Color.RED.bit_length(), Color.BLUE.real, Color.GREEN.to_bytes(2, 'big'), Color.BLUE.numerator)
print(Perm.R + Perm.W, Perm.R * 2, type(Perm.R + 1).__name__, Perm.R > Perm.W, int(Perm.R | Perm.X))
print(Color(2) is Color.GREEN, Color(2) == Color.GREEN, Perm(6) == 6, Color.RED is not Color.GREEN)
