# Arithmetic dunders, reflected and in-place.
class V:
    def __init__(self, *c):
        self.c = c
    def __add__(self, o):
        if isinstance(o, V):
            return V(*(a + b for a, b in zip(self.c, o.c)))
        return NotImplemented
    def __mul__(self, k):
        return V(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __neg__(self):
        return V(*(-a for a in self.c))
    def __iadd__(self, o):
        print("iadd")
        self.c = (self + o).c
        return self
    def __repr__(self):
        return f"V{self.c}"
    def __abs__(self):
        return sum(x * x for x in self.c) ** 0.5

print(V(1, 2) + V(3, 4), V(1, 2) * 3, 3 * V(1, 2), -V(1, 2), abs(V(3, 4)))
v = V(1, 1)
w = v
v += V(1, 1)
print(v, v is w)
try:
    V(1) + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 - V(1)
except TypeError as e:
    print("TypeError:", e)
