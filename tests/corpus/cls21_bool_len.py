# Truth: __bool__, then __len__, then true.
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class Plain:
    pass

print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Plain()))
print("yes" if L(2) else "no", not L(0), len(L(7)))
for bad in (B(1), L(-1)):
    try:
        bool(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
class BL(L):
    def __bool__(self):
        return True
print(bool(BL(0)))
try:
    len(Plain())
except TypeError as e:
    print("TypeError:", e)
