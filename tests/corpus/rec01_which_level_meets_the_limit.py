# A recursion that passes the limit raises RecursionError from whichever level is the one past it,
# with that level's words: a Python frame says nothing more, repr() and str() of an instance add
# "while getting the repr/str of an object", a builtin's call "while calling a Python object", a
# comparison "in comparison". Each shape is tried from four starting depths, so every level of its
# cycle is the last one once; each is warmed first, so CPython's specialized calls are the ones met.
count = 0
on = False


def plain():
    global count
    count += 1
    plain()


again = lambda: again()


class R:
    def __repr__(self):
        global count
        count += 1
        return repr(self) if on else "R"


class S:
    def __str__(self):
        global count
        count += 1
        return str(self) if on else "S"


class P:
    def __str__(self):
        global count
        count += 1
        return "%s" % (self,) if on else "P"


class E:
    def __eq__(self, other):
        global count
        count += 1
        return self == other if on else True


class L:
    def __lt__(self, other):
        global count
        count += 1
        return self < other if on else True


shapes = {
    "def": plain,
    "lambda": again,
    "repr": lambda: repr(R()),
    "str": lambda: str(S()),
    "percent": lambda: str(P()),
    "f-string": lambda: f"{S()}",
    "eq": lambda: E() == E(),
    "lt": lambda: L() < L(),
}


def at(depth, shape):
    if depth:
        return at(depth - 1, shape)
    global count
    count = 0
    try:
        shape()
    except RecursionError as e:
        return f"{count} calls: {e}"
    return "no error"


for name, shape in shapes.items():
    if name not in ("def", "lambda"):
        for _ in range(10):
            at(0, shape)
    on = True
    for depth in range(4):
        print(name, depth, at(depth, shape))
    on = False

