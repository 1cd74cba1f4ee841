# __repr__ and __str__ fallbacks.
class R:
    def __repr__(self):
        return "R()"

class S:
    def __str__(self):
        return "an S"

class Both(R):
    def __str__(self):
        return "both"

print(R(), str(R()), repr(R()), f"{R()}", f"{R()!r}")
print(S(), str(S()), [R(), R()], (R(),), {1: R()})
print(Both(), repr(Both()), [Both()])
print(repr(S()).startswith("<__main__.S object at 0x"))
print(format(R()), "%s %r" % (R(), R()))

class Bad:
    def __repr__(self):
        return 5
try:
    repr(Bad())
except TypeError as e:
    print("TypeError:", e)
