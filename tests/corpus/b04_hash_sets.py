# hash() of ints is CPython's: the value modulo 2**61 - 1, with the sign, and -1 is -2. Sets of
# ints iterate in the order that hash gives, so a set of big ints prints in CPython's order.
print(hash(2**61), hash(2**61 - 1), hash(2**64), hash(-(2**64)), hash(-1), hash(-2))
print(hash(2**100), hash(-(2**100)), hash(10**30), hash(2**63), hash(-(2**63)))
print(hash(2.0**64) == hash(2**64), hash(2**61 + 5), hash(-(2**61) - 5), hash(True))
print({2**64, 2**65, 2**61, 2**61 - 1, -1, -2, 3, 2**100, 10**20, -(10**20)})
print({2**61 + k for k in [3, 1, 2]}, {-(2**62), 2**62, 1, 0})
s = set()
for k in range(20):
    s.add(3**k * 2**40)
print(s)
print(sorted(s)[:3], len(s), 2**40 in s, 3**19 * 2**40 in s)
d = {}
for k in [2**70, 2.0**70, 2**70 + 1, 1e30, 10**30]:
    d[k] = k
print(d)
print(frozenset([2**64, 2**64, 2.0**64]), {2**64: 1} == {2.0**64: 1})
