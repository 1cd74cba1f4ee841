# assert and del.
x = 5
assert x == 5
assert x > 0, "never shown"
try:
    assert x < 0, f"x must be negative, got {x}"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(str(e)), e.args)
y = [1, 2, 3, 4]
del y[1]
print(y)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
class Obj:
    pass
o = Obj()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
try:
    a
except NameError as e:
    print("NameError:", e)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
