# Survey of enum: each line is a name and its result for sample inputs.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique


class C(Enum):
    R = 1
    G = 2
    ALIAS = 1


class N(IntEnum):
    ONE = 1
    TWO = 2


class P(Flag):
    A = auto()
    B = auto()


class S(StrEnum):
    X = auto()


print("repr", repr(C.R), C, "str", str(C.G), f"{C.R}")
print("lookup", C(1), C["G"], C.ALIAS is C.R)
print("iter", list(C), len(C), list(C.__members__))
print("name/value", C.R.name, C.R.value)
print("IntEnum", N.TWO + 1, N.ONE < N.TWO, str(N.ONE), repr(N.ONE), N(2))
print("Flag", P.A | P.B, repr(P(3)), P(0), P.A in P(3), list(P))
print("StrEnum", S.X, repr(S.X))
try:
    C(9)
except ValueError as e:
    print("ValueError", e)
try:
    unique(C)
except ValueError as e:
    print("unique", e)
for name in ["Enum", "IntEnum", "Flag", "IntFlag", "StrEnum", "auto", "unique", "EnumMeta",
             "EnumType"]:
    print("has", name, hasattr(enum, name))
