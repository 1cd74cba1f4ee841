# math.gcd and math.lcm take any number of ints, of any size; the results are never negative.
import math

print(math.gcd(12, 18), math.gcd(12, 18, 27), math.gcd(), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(7))
print(math.gcd(2**100, 6**50), math.gcd(10**30 + 1, 10**15))
print(math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(-7))
print(math.lcm(2**70, 3**40), math.lcm(*range(1, 21)))
for args in [(2.0, 4), (4, "6"), (1.5,)]:
    try:
        math.gcd(*args)
    except TypeError as e:
        print("gcd", type(e).__name__, e)
    try:
        math.lcm(*args)
    except TypeError as e:
        print("lcm", type(e).__name__, e)
