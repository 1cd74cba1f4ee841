# What makes two keys the same key: __hash__ alone does not (equality stays identity unless the
# class defines __eq__); __eq__ alone makes a class unhashable; __hash__ must return an int and
# its errors propagate.


class SameHash:
    def __hash__(self):
        return 1


class Equal:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        return isinstance(other, Equal)


class OnlyEq:
    def __eq__(self, other):
        return True


class ChildOfOnlyEq(OnlyEq):
    pass


class BadHash:
    def __hash__(self):
        return "x"


class RaisingHash:
    def __hash__(self):
        raise RuntimeError("hash failed")


a, b = SameHash(), SameHash()
print(len({a, b}), len({a: 1, b: 2}), a in {b}, a in {a}, {a: 1}.get(b))
print(len({Equal(), Equal()}), Equal() in {Equal()}, {Equal(): "first"}[Equal()])
for make in [OnlyEq, ChildOfOnlyEq, BadHash, RaisingHash]:
    for what, f in [("set", lambda: {make()}), ("dict", lambda: {make(): 1}), ("hash", lambda: hash(make()))]:
        try:
            f()
            print(make.__name__, what, "ok")
        except Exception as e:
            print(make.__name__, what, type(e).__name__ + ":", e)
