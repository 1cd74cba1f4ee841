# == and != : reflection, subclass priority and the default __ne__.
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print(f"A.__eq__({type(other).__name__})")
        if isinstance(other, A):
            return self.v == other.v
        return NotImplemented
    __hash__ = None

class B(A):
    def __eq__(self, other):
        print(f"B.__eq__({type(other).__name__})")
        return isinstance(other, A) and self.v == other.v

print(A(1) == A(1))
print(A(1) != A(2))
print(A(1) == B(1))
print(B(1) == A(1))
print(A(1) == "x")
print("x" == A(1))
print(A(1) != "x")
print(A(1) in [A(0), A(1)])
