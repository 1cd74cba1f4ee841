# Metaclass inheritance and conflicts.
class M1(type):
    pass
class M2(type):
    pass

class A(metaclass=M1):
    pass
class B(A):
    pass
print(type(B).__name__)

class C(metaclass=M2):
    pass
try:
    class D(A, C):
        pass
except TypeError as e:
    print("TypeError:", e)

X = M1('X', (), {'v': 1})
print(type(X).__name__, X.v)
print(type(type), type(int), type(M1))
