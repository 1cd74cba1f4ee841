# __call__ makes instances callable.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale

add = Adder(10)
print(add(1), add(1, 2, 3), add(1, scale=2))
print(callable(add), callable(Adder), callable(1))
print(list(map(add, [1, 2])))
try:
    add()
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass
try:
    Plain()()
except TypeError as e:
    print("TypeError:", e)
