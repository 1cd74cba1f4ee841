# floor, ceil and trunc return ints; an int is its own result; objects answer for themselves.
import math


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __floor__(self):
        return self.cents // 100

    def __ceil__(self):
        return -(-self.cents // 100)

    def __trunc__(self):
        return "truncated"


print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.trunc(2.7))
print(math.floor(10**30), math.ceil(-(10**30)), math.floor(True), math.floor(1e20), type(math.floor(3.0)).__name__)
print(math.floor(Money(250)), math.ceil(Money(250)), math.trunc(Money(1)))
for f in [lambda: math.floor("a"), lambda: math.trunc("a"), lambda: math.ceil(math.inf), lambda: math.floor(math.nan)]:
    try:
        f()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
