# A class derived from bytearray: its instances are of the class (type, repr, attributes set on
# the class or the instance), behave as bytearrays (len, indexing, slicing, methods, in-place
# changes keep the class) and make plain bytearrays where bytearray makes new values.
class BA(bytearray):
    pass


BA.extra = "on the class"
b = BA(b"xy")
print(type(b).__name__, repr(b), isinstance(b, bytearray), len(b), b.extra)
print(type(BA.fromhex("61")).__name__, BA.fromhex("61"), type(b.fromhex("62")).__name__)
print(type(b + b"z").__name__, b + b"z")
print(b.upper(), type(b.upper()).__name__, b[0], b[-1], b[0:1], type(b[0:1]).__name__)
b.append(65)
b[0] = 49
b += b"q"
print(type(b).__name__, b, str(b))
b *= 2
print(type(b).__name__, b, b.copy(), bytes(b), b.decode())
b.tag = "own"
print(b.tag, b == b"1yAq1yAq", b"A" in b, list(b)[:3], BA.__hash__)
print(BA(3), BA("hé", "utf-8"), BA(), BA([1, 2]))


class Tagged(bytearray):
    def __init__(self, data, tag):
        super().__init__(data)
        self.tag = tag

    def __repr__(self):
        return f"Tagged({bytes(self)!r}, {self.tag!r})"


t = Tagged(b"abc", "t")
print(t, t.tag, len(t), t.startswith(b"ab"), t.hex())
t.extend(b"de")
print(t, t.pop(), t)


class Shout(bytearray):
    def __init__(self, text):
        bytearray.__init__(self, text.upper(), "ascii")


print(Shout("hey"), type(Shout("hey")).__mro__[1].__name__)

for make in (lambda: BA("x"), lambda: BA(-1), lambda: bytearray.__init__(5),
             lambda: Tagged(b"x")):
    try:
        make()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
