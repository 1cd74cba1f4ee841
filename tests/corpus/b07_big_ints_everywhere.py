# Big ints where everyday code meets them: augmented assignment, isinstance, containers, sum/max/
# sorted, divmod with floats, dict keys shared with equal floats, f-string conversions, int(str).
x = 2**100
print(isinstance(x, int), type(x) is int, type(x).__name__, bool(x), not x, bool(-x))
x += 1
x -= 2**100
x *= 2**70
print(x, x is x, [x].count(2**70), [1, 2**70].index(2**70), (2**70,) == (2**70,))
y = 2**70
print(y == 2**70, y != 2**70, str(y).zfill(30), "{:d}".format(y), "%s" % y, len(str(-y)))
print(sum([2**64] * 3), sum([1, 2**64], 2**64), max(2**64, 2**65, key=lambda v: -v), abs(-(2**100)))
print(sorted({2**64: 1, -(2**64): 2, 0: 3}), list(reversed([2**65, 1])), min([2**65, 2**64 + 0.5]))
print(-(2**63) - 1, -(-(2**63)) - 1, +(2**100), ~(-(2**100)), -(2**64) // 2**63, -(2**64) % 3)
print(divmod(2**100, 2**50 + 1), divmod(-(2**100), 7.0), 2**100 % 7.5, 2**100 // 1.5)
print(int(2**100), int(True), float(2**60), round(2**100), round(2**100, 3), round(7, -1), round(5, -1))
print(str(2**64)[::-1], [0] * 3 == [0, 0, 0], 2**64 in {2**64: 1}, {2**64: 1}.get(2.0**64))
d = {}
d[2**64] = "a"
d[2.0**64] = "b"
print(d, len(d), set([2**64, 2.0**64, 2**64 + 1]))
print(list(range(2**62, 2**62 + 3)), range(10)[-1], [1, 2, 3][-2**1])
print(f"{2**64!r:>25}", f"{2**64!s}", repr([2**64]))
print(3 * 2**64, 2**64 * 3, 2**64 - 2**64 == 0, 1)
i = 0
n = 1
while i < 70:
    n = n * 2
    i += 1
print(n, n == 2**70, n.bit_length())
print(1 if 2**100 else 0, 2**100 and 5, 0 or 2**100, [2**64, 3][0] + 1)
print((2**64).__class__.__name__, hash(2**64) == hash(2.0**64), id(2**64) != 0)
print(int("  0b_1010 ", 0), int("-ff", 16), int("+" + "7" * 40), int("0" * 30 + "5"))
