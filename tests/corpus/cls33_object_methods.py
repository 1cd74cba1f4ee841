# object's own methods called directly.
class P:
    def __init__(self):
        self.a = 1

p = P()
print(object.__getattribute__(p, "a"))
object.__setattr__(p, "b", 2)
print(p.b)
object.__delattr__(p, "b")
print(hasattr(p, "b"))
print(object.__eq__(p, p), object.__eq__(p, 1), object.__ne__(p, 1))
print(object.__repr__(p).startswith("<__main__.P object"), object.__str__(p) == repr(p))
print(object.__hash__(p) == hash(p))
print(type(object.__new__(P)).__name__)
print(P.__init__ is not object.__init__, object.__init__(p) is None)
