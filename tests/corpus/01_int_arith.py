# Integer arithmetic: floor division and modulo of negatives, powers, divmod.
print(7 + 3, 7 - 10, 7 * -3)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(2 ** 10, (-2) ** 3, 2 ** 0, 10 ** 18)
print(2 ** -1, 2 ** -2)
print(pow(2, 8), pow(3, 4))
print(abs(-12), abs(0), -(-5))
big = 2 ** 62
print(big, big + (big - 1))
print(9223372036854775807, -9223372036854775807 - 1)
print(123456789 * 987654321)
print(1_000_000 + 1)
print(True + True, True * 10, False - 1)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x %= 3
x **= 3
print(x)
print(0 // 5, 0 % 7, -1 // 10, -1 % 10)
print(100 // 7 * 7 + 100 % 7 == 100)
print(-100 // 7 * 7 + -100 % 7 == -100)
