# vars() with and without an argument.
class A:
    def __init__(self):
        self.a = 1
        self.b = 2

print(vars(A()))
class K:
    a = 1
print(vars(K)['a'], 'a' in vars(K))
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)
try:
    vars(A(), 1)
except TypeError as e:
    print("TypeError:", e)
