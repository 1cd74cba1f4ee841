from enum import Flag, IntFlag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXECUTE = auto()


def describe(p):
    return [m.name for m in Perm if m in p]


owner = Perm.READ | Perm.WRITE | Perm.EXECUTE
group = Perm.READ | Perm.EXECUTE
other = Perm.READ
for who, p in [("owner", owner), ("group", group), ("other", other)]:
    print(who, p, p.value, describe(p))
print(owner & ~Perm.WRITE, ~Perm.READ, Perm.WRITE in group)
print(Perm(6), repr(Perm(7)), Perm.READ | Perm.READ)
try:
    Perm(8)
except ValueError as e:
    print("ValueError:", e)


class Bits(IntFlag):
    A = 1
    B = 2
    C = 4


print(Bits.A | Bits.C, (Bits.A | Bits.C) == 5, Bits.B + 1, Bits.C > 3)
