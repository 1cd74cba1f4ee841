# __hash__ results and the rules that make a class unhashable.
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
    def __eq__(self, o):
        return isinstance(o, H) and o.v == self.v

print(hash(H(5)), hash(H(-1)), len({H(1), H(1)}), H(2) in {H(2): 'x'})
class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class NoHash:
    __hash__ = None
try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError:", e)
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__ is None, EqOnly() == 3)
class Child(EqOnly):
    def __hash__(self):
        return 7
print(hash(Child()))
