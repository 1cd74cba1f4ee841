# Sets of complex numbers (and floats) iterate in CPython's order, which their hashes fix; the
# attributes of a complex are read-only and a plain complex takes no new ones.
print({3j, 1j, 2j, 1 + 1j, 5, 2.5, -1j})
print(set([complex(k, k) for k in range(10)]), {2.5, 1.5, 0.5, 100.25})
print(frozenset({0.5j, 1.5 + 2j, -3.25 - 1j}), sorted({1j, 2j, 3j}, key=lambda c: c.imag))
s = {1j, 2j}
s.add(1j)
s.add(1 + 0j)
print(s, 1 in s, 1.0 in s, 2j in s, len(s))
z = 1j
for f in [lambda: setattr(z, "real", 5), lambda: setattr(z, "imag", 5), lambda: setattr(z, "foo", 1),
          lambda: z.foo]:
    try:
        print(f())
    except AttributeError as e:
        print("AttributeError:", e)


class Tagged(complex):
    pass


t = Tagged(1, 1)
t.tag = "kept"
print(t, t.tag, {t: 1}[1 + 1j], t == 1 + 1j)
try:
    t.real = 2
except AttributeError as e:
    print("AttributeError:", e)
