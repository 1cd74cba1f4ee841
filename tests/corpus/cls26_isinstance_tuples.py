# isinstance and issubclass with tuples and nested tuples.
class A: pass
class B(A): pass
class C: pass

b = B()
print(isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, ()))
print(issubclass(B, (C, A)), issubclass(B, ()), issubclass(bool, (str, int)))
print(isinstance(1, (str, float)), isinstance(True, int), isinstance(None, type(None)))
print(issubclass(B, object), issubclass(type, object), isinstance(A, type))
try:
    isinstance(b, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(b, A)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(B, (A, 1))
except TypeError as e:
    print("TypeError:", e)
