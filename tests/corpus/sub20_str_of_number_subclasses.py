# str(), print(), f"{x}" and "%s" of a subclass of a builtin type use the class's own __repr__
# where the builtin has no __str__ of its own (int, float, list, dict, tuple), and the builtin's
# own __str__ where it has one (str, bytes).
class I(int):
    def __repr__(self):
        return "I!"


class F(float):
    def __repr__(self):
        return "F!"


class L(list):
    def __repr__(self):
        return "L!"


class S(str):
    def __repr__(self):
        return "S!"


class B(bytes):
    def __repr__(self):
        return "B!"


class Plain(int):
    pass


class Shown(int):
    def __str__(self):
        return "shown"


for x in [I(3), F(1.5), L([1]), S("s"), B(b"b"), Plain(7), Shown(8)]:
    print(x, str(x), f"{x}", "%s" % (x,), [x], f"{x!r}")
print(f"{I(3):>4}", f"{F(1.5):.2f}", format(I(3), ""), format(Shown(8), "d"))
print("%d %r" % (I(3), I(3)), repr(Plain(7)), str(Plain(7)) == "7")
