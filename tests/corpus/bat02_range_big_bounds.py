# Ranges whose bounds pass 64 bits: Python's ints have no limit, nor do range's. Iteration,
# indexing, slicing, membership, count/index, reversed, equality, hash, repr, bool, the attributes;
# len past sys.maxsize is CPython's OverflowError.
import sys

b = range(2**64, 2**64 + 3)
print(b, len(b), list(b), list(reversed(b)))
print(b[0], b[-1], b[1:], b.start, b.stop, b.step)
print(2**64 + 1 in b, 5 in b, b.count(2**64), b.index(2**64 + 2))
print(type(iter(b)).__name__, type(reversed(b)).__name__, bool(b), bool(range(2**64, 0)))
h = range(2**100)
print(h[-1], h[2**99], h[::2**98], h[-3:])
print(2**99 in h, h.count(2**99), h.index(2**99 + 7), 2**100 in h)
try:
    len(h)
except OverflowError as e:
    print("OverflowError:", e)
print(len(range(sys.maxsize)) == sys.maxsize)
try:
    len(range(-1, sys.maxsize))
except OverflowError as e:
    print("OverflowError:", e)
try:
    h[2**100]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1, 2**70, 0)
except ValueError as e:
    print("ValueError:", e)
print(b == range(2**64, 2**64 + 3, 1), b == range(2**64, 2**64 + 4), hash(b) == hash((3, 2**64, 1)))
print({b: "big"}[range(2**64, 2**64 + 3)])
print(list(range(-2**70, -2**70 + 6, 2)), range(2**64, 0, -2**63)[1])
for x in range(2**63 - 2, 2**63 + 1):
    print(x)
print(sum(range(2**64, 2**64 + 1000)), min(b), max(b), sorted(b, reverse=True))
it = iter(range(2**65, 2**65 + 2))
print(next(it), next(it), next(it, "done"))
