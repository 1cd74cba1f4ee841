# How CPython 3.11 prints IntEnum and IntFlag members: str() and format() are the int's (3.11's
# change), repr() is the enum's, and %-formatting and f-strings with specs take them as ints.
from enum import IntEnum, IntFlag


class Color(IntEnum):
    RED = 1
    GREEN = 2


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


for m in (Color.RED, Color.GREEN, Perm.R, Perm.R | Perm.W, Perm.R | 8, Perm(0)):
    print(f"{m}", str(m), repr(m), format(m, 'd'), format(m, '04b'), f"{m:>5}|{m:x}", "%d %s %r" % (m, m, m))
print(str(Color.RED) + '!', f"[{Color.GREEN!r}] [{Color.GREEN!s}]", [Color.RED, Perm.W])
print(Color.RED.name, Color.RED.value, type(Color.RED.value).__name__, Perm.W.name, Perm(3).name)
print(list(Color), list(Perm), len(Perm), Perm.R in Perm(6), list(Perm(7)))
print(Perm.R | Perm.W, type(Perm.R | Perm.W).__name__, Perm.R & 4, Perm(6) ^ Perm.R, ~Perm.R, Perm.W | 1)
print(Color['GREEN'], Color(1), repr(Color(1)), '{:+d}'.format(Color.RED), '{!r:>20}'.format(Color.RED))
print(Perm.W ^ 1, repr(Perm(6) ^ 2), repr(1 ^ Perm.X), repr(~(Perm.R | Perm.W)), repr(2 | Perm.R), repr(6 & Perm.R))
