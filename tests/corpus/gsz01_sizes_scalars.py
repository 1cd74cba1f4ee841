# sys.getsizeof of the scalar types: ints by their 30-bit digits (0 counts one digit in 3.11.7),
# bools, floats, None, Ellipsis, complex; strs by their widest character (ASCII, Latin-1, UCS-2,
# UCS-4) and bytes by length; __sizeof__ without the GC header.
import sys
g = sys.getsizeof
for x in [0, 1, -1, 2**30 - 1, 2**30, -2**30, 2**60 - 1, 2**60, 2**63, -2**63, 2**64, 10**100, -10**100]:
    print(x if abs(x) < 10**20 else "big", g(x), x.__sizeof__())
print(g(True), g(False), g(1.5), g(float("inf")), g(None), g(...), g(1j), g(complex(1, 2)))
for s in ["", "a", "hello", "x" * 100, "é", "café", "\xff" * 3, "€", "naïve €", "😀", "a😀", "\u0100" * 10]:
    print(repr(s[:8]), len(s), g(s), s.__sizeof__())
for b in [b"", b"a", b"abc", bytes(100)]:
    print(len(b), g(b), b.__sizeof__())
print(g(2**1000) - g(2**970), g("ab" * 50) - g("ab" * 40), g(b"x" * 30) - g(b""))
