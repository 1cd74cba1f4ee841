"""The alternate constructors of a builtin type called on a class derived from it make that class:
D.fromkeys fills a D through its own __setitem__, I.from_bytes, B.fromhex and F.fromhex pass the base
type's result to the class."""
class D(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)

d = D.fromkeys('ab', 0)
print(type(d).__name__, d)
print(type(D.fromkeys(iter([3]))).__name__, dict.fromkeys('x'), type(dict.fromkeys('x')).__name__)

class I(int):
    def __repr__(self):
        return f"I({int(self)})"

i = I.from_bytes(b'\x01\x00', 'big')
print(type(i).__name__, repr(i), repr(I.from_bytes(b'\xff', 'little', signed=True)))

class B(bytes):
    pass

b = B.fromhex('41 42')
print(type(b).__name__, b)

class F(float):
    def __new__(cls, x):
        print("F.__new__", x)
        return super().__new__(cls, x)

f = F.fromhex('0x1.8p1')
print(type(f).__name__, f)

class DD(D):
    pass

print(type(DD.fromkeys([1])).__name__)
for g in [lambda: D.fromkeys(5), lambda: I.from_bytes('x', 'big'), lambda: B.fromhex('4'), lambda: F.fromhex('z')]:
    try:
        g()
    except Exception as e:
        print(type(e).__name__, e)
