# Rich comparison: reflection and NotImplemented.
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("V.__lt__")
        if isinstance(other, V):
            return self.v < other.v
        return NotImplemented
    def __eq__(self, other):
        print("V.__eq__")
        if isinstance(other, V):
            return self.v == other.v
        return NotImplemented

print(V(1) < V(2))
print(V(3) > V(2))
print(V(1) == V(1), V(1) != V(2))
print(V(1) == 1)
try:
    V(1) < 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 <= V(1)
except TypeError as e:
    print("TypeError:", e)

class W(V):
    def __gt__(self, other):
        print("W.__gt__")
        return True
print(V(5) < W(0))
print(NotImplemented)
