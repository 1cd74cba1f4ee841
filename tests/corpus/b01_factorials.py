# Integers without a limit: factorials, Fibonacci numbers and powers far past 64 bits, computed
# with plain loops and printed whole (CPython's int is arbitrary precision).
import math


def factorial(n):
    r = 1
    for k in range(2, n + 1):
        r *= k
    return r


for n in [20, 21, 25, 50, 100]:
    print(n, factorial(n))
print(factorial(100) == math.factorial(100))

a, b = 0, 1
for _ in range(100):
    a, b = b, a + b
print("fib(100) =", a)

p = 2**1000
s = str(p)
print(len(s), s[:20], s[-20:], sum([int(d) for d in s]))
print(2**64, -(2**63) - 1, 2**63 - 1 + 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500)
print(123456789012345678901234567890 * 987654321098765432109876543210)
print((2**200 + 1) // 3, (2**200 + 1) % 3, divmod(-(10**30), 7), divmod(10**30, -7))
print(-(2**63) // -1, abs(-(2**63)), -(-(2**63)), (-(2**63)) * -1)
print(2**200 - 2**200, type(2**200 - 2**200 + 5).__name__, 2**64 // 2**32)
print(10**40 % 10**20, 7**77 % 1000, (-7) ** 77)
print(pow(3, 200, 10**9 + 7), pow(2**100, 2**100, 97), pow(3, -1, 7), pow(2, 10, -7))
print(math.gcd(2**100, 6**50), math.comb(100, 50), math.isqrt(10**50 + 1))
print((2**100).bit_length(), (-(2**100)).bit_length(), (2**64 - 1).bit_length())
print(2**-2, 10**400 // 10**398, 0**0, (-1) ** (2**70), 1 ** (10**30))
print(round(12345678901234567890123, -5), round(2**70, -20), round(-(2**70)), round(10**30, 5))
print(round(15 * 10**20, -21), round(25 * 10**20, -21), round(2**100, -200))
