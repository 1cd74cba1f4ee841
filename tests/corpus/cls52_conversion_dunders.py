# Conversions and unary operators through dunders.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __int__(self):
        return self.cents // 100
    def __float__(self):
        return self.cents / 100
    def __neg__(self):
        return Money(-self.cents)
    def __pos__(self):
        return self
    def __invert__(self):
        return "inverted"
    def __round__(self, n=None):
        return f"round({n})"
    def __format__(self, spec):
        return f"${self.cents / 100:{spec or '.2f'}}"
    def __repr__(self):
        return f"Money({self.cents})"

m = Money(1234)
print(int(m), float(m), -m, +m is m, ~m)
print(round(m), round(m, 1))
print(f"{m}", f"{m:.1f}", format(m, ".3f"), "{:.0f}".format(m))
class NoConv:
    pass
for conv in (int, float):
    try:
        conv(NoConv())
    except TypeError as e:
        print("TypeError:", e)
try:
    -NoConv()
except TypeError as e:
    print("TypeError:", e)
