# A seeded generator gives CPython's sequence: int seeds of any size and sign (the sign is dropped).
import random

for s in [0, 1, 42, -42, 2**32, 2**100 + 7, True]:
    random.seed(s)
    print(s, random.random(), random.random())
random.seed(42)
a = [random.random() for _ in range(3)]
random.seed(42)
print(a == [random.random() for _ in range(3)])
