"""The set methods that update in place or take the symmetric difference, frozenset lacking the
updating ones, dict.fromkeys from an instance, int/bool as_integer_ratio and conjugate, float.conjugate,
with their argument errors."""
s = {1, 2, 3}
print(sorted(s.symmetric_difference([3, 4])), sorted(frozenset([1]).symmetric_difference({2})))
s.difference_update([1], (2,)); print(s)
s = {1, 2, 3}; s.intersection_update([2, 3, 9], {3, 2}); print(sorted(s))
s = {1, 2}; print(s.symmetric_difference_update({2, 5}), sorted(s))
for f in [lambda: s.symmetric_difference(), lambda: s.symmetric_difference({1}, {2}), lambda: frozenset().difference_update([1]), lambda: (1).conjugate(2), lambda: (1.5).conjugate(1)]:
    try:
        f()
    except Exception as e:
        print(e)
print({}.fromkeys("ab", 0), (7).as_integer_ratio(), True.as_integer_ratio(), (2**70).as_integer_ratio(), (-3).conjugate(), True.conjugate(), (2.5).conjugate())
print(type(True.conjugate()).__name__)
