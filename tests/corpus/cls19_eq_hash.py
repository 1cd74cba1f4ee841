# Defining __eq__ without __hash__ makes instances unhashable.
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x

print(P.__hash__)
print(P(1) == P(1), P(1) != P(2), P(1) == 1)
try:
    hash(P(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {P(1)}
except TypeError as e:
    print("TypeError:", e)

class H(P):
    def __hash__(self):
        return hash(self.x)

print(len({H(1), H(1), H(2)}))

class Plain:
    pass
a = Plain()
print(a == a, a == Plain(), a != Plain(), hash(a) == hash(a))

class Q(P):
    __hash__ = P.__hash__
try:
    hash(Q(1))
except TypeError as e:
    print("TypeError:", e)

class K:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
print(isinstance(hash(K()), int), K() == 5)
