# `object`'s methods as class attributes (`object.__reduce_ex__`, `__reduce__`, `__getstate__`,
# `__sizeof__`, `__format__`, `__subclasshook__`, the comparisons) and called unbound on any
# object; one object per name, whichever class it is reached from.


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


class A:
    pass


class P:
    def __init__(self):
        self.x = 1


show("object.__repr__(5)", lambda: object.__repr__(5)[:14])
show("object.__repr__()", lambda: object.__repr__())
show("object.__reduce_ex__(5, 2)[1:]", lambda: object.__reduce_ex__(5, 2)[1:])
show("object.__reduce_ex__(5, 2)[0].__name__", lambda: object.__reduce_ex__(5, 2)[0].__name__)
show("int.__reduce_ex__(5, 2)[1]", lambda: int.__reduce_ex__(5, 2)[1])
show("list.__reduce_ex__([1], 2)[1:3]", lambda: list.__reduce_ex__([1], 2)[1:3])
show("object.__reduce_ex__(P(), 2)[2]", lambda: object.__reduce_ex__(P(), 2)[2])
show("object.__reduce__(5)", lambda: object.__reduce__(5))
show("object.__getstate__(5)", lambda: object.__getstate__(5))
show("object.__getstate__(P())", lambda: object.__getstate__(P()))
show("object.__getstate__(A())", lambda: object.__getstate__(A()))
show("object.__format__(5, '')", lambda: object.__format__(5, ""))
show("object.__format__(5, 'x')", lambda: object.__format__(5, "x"))
show("object.__format__(A(), '>3')", lambda: object.__format__(A(), ">3"))
show("object.__subclasshook__()", lambda: object.__subclasshook__())
show("A.__subclasshook__(int)", lambda: A.__subclasshook__(int))
show("object.__lt__(1, 2)", lambda: object.__lt__(1, 2))
show("object.__ge__(A(), A())", lambda: object.__ge__(A(), A()))
show("object.__lt__(1)", lambda: object.__lt__(1))
show("object.__sizeof__(A()) > 0", lambda: object.__sizeof__(A()) > 0)
show("object.__init_subclass__()", lambda: object.__init_subclass__())
print(A.__lt__ is object.__lt__, A.__reduce_ex__ is object.__reduce_ex__, A.__ge__ is object.__ge__)
print(int.__reduce_ex__ is object.__reduce_ex__, str.__format__ is object.__format__)
print(hasattr(A, "__reduce_ex__"), hasattr(A, "__getstate__"), hasattr(A, "__sizeof__"))
print(int.__hash__(True), str.__hash__("ab") == hash("ab"))
print(int.__repr__(True), int.__repr__(False), bool.__repr__(True))
