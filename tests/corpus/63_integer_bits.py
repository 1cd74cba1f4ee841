# Bitwise operators on ints, including negatives.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(-8 >> 1, -1 >> 10, -5 & 0xFF, ~-1, ~0, 1 << 62)
print(bin(a & b), bin(a | b), format(a ^ b, "04b"), f"{~a:b}")
flags = 0
for bit in [0, 3, 5]:
    flags |= 1 << bit
print(flags, bin(flags), [(flags >> i) & 1 for i in range(6)])
flags &= ~(1 << 3)
print(flags, flags ^ 0b111)
x = 0xDEADBEEF
print(x, hex(x), x >> 16, hex(x & 0xFFFF))
print(True & False, True | False, True ^ True)
print(5 & 3 == 1, (5 & 3) == 1)
