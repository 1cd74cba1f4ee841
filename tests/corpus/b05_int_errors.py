# The errors CPython raises around big ints, each caught and printed; the last one is uncaught and
# ends the program with its traceback.
import math


def show(what, f):
    try:
        print(what, repr(f()))
    except Exception as e:
        print(what, type(e).__name__ + ":", e)


show("float(big)", lambda: float(10**400))
show("float(halfway to 2**1024)", lambda: float(2**1024 - 2**970))
show("big + 0.5", lambda: 10**400 + 0.5)
show("big / 3", lambda: 10**400 / 3)
show("1 / big", lambda: 1 / 10**400)
show("int(inf)", lambda: int(float("inf")))
show("int(nan)", lambda: int(float("nan")))
show("str(10**5000)", lambda: str(10**5000))
show("int('1'*5000)", lambda: int("1" * 5000))
show("hex(10**5000)", lambda: len(hex(10**5000)))
show("list[big]", lambda: [1, 2][2**100])
show("tuple[-big]", lambda: (1, 2)[-(2**100)])
show("str * big", lambda: "ab" * 2**100)
show("str * -big", lambda: "ab" * -(2**100))
show("list[:big]", lambda: [1, 2, 3][1 : 2**100])
show("1 << 2**100", lambda: 1 << 2**100)
show("1 >> 2**100", lambda: 1 >> 2**100)
show("1 << -1", lambda: 1 << -1)
show("big // 0", lambda: 10**30 // 0)
show("big % 0", lambda: 10**30 % 0)
show("0 ** -big", lambda: 0 ** -(2**70))
show("pow(big, -1, 4)", lambda: pow(2**70, -1, 4))
show("pow(2, 3, 0)", lambda: pow(2, 3, 0))
show("pow(big, 2, 1.5)", lambda: pow(2**70, 2, 1.5))
show("chr(big)", lambda: chr(2**70))
show("int('12x', 2**70)", lambda: int("12", 2**70))
show("int('0x1', 37)", lambda: int("0x1", 37))
show("int(' 1_0 ')", lambda: int(" 1_0 "))
show("int('1__0')", lambda: int("1__0"))
show("int('-0b101', 0)", lambda: int("-0b101", 0))
show("math.factorial(-1)", lambda: math.factorial(-1))


def grow(n):
    return 2**n / 7


print(grow(1000))
print(grow(2000))
