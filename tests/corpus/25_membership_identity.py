# in, not in, is, is not.
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "b" in ("a", "b"), "k" in {"k": 1}, 1 in {"k": 1})
print("ell" in "hello", "z" in "hello", 2 in {1, 2}, 2 in range(5), 5 in range(5), 4 in range(0, 10, 2))
print([1] in [[1], [2]], (1, 2) in [(1, 2)], None in [None])
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True, type(1) is int, type(True) is bool, type(True) is int)
d = {}
print(d.get("x") is None)
def nothing():
    pass
print(nothing() is None, nothing())
class Box:
    pass
x = Box()
y = x
print(x is y, x is Box(), isinstance(x, Box))
