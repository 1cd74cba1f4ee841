"""The in-place and reversing special methods of list, dict and set, called directly: each changes
its object and returns it (the same object), NotImplemented where CPython's operand check says so."""
l = [1]
r = l.__iadd__((2, 3))
print(r is l, l)
r = l.__imul__(2)
print(r is l, l, l.__imul__(0), l)
l = [1, 2, 3]
print(list(l.__reversed__()), type(l.__reversed__()).__name__)
d = {'a': 1}
r = d.__ior__({'b': 2})
print(r is d, d, d.__ior__([('c', 3)]) is d, d)
print(list(d.__reversed__()), type(d.__reversed__()).__name__)
s = {1, 2, 3}
print(s.__iand__({2, 3, 4}) is s, sorted(s))
print(s.__ior__(frozenset({7})) is s, sorted(s))
print(s.__isub__({2}) is s, sorted(s))
print(s.__ixor__({3, 9}) is s, sorted(s))
print(s.__iand__([1]), s.__ior__('x'), sorted(s))
for f in [lambda: [].__iadd__(5), lambda: [].__imul__('2'), lambda: [].__iadd__(),
          lambda: {}.__ior__(5), lambda: [].__reversed__(1), lambda: [].__imul__()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
