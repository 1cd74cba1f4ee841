# repr/str, hash (and so dict keys), format specs and % formatting of complex numbers.
nan, inf = float("nan"), float("inf")
values = [1 + 2j, 2j, -2j, 0j, -0j, complex(-0.0, -1), complex(-0.0, 0), complex(0, -0.0),
          complex(nan, inf), complex(1, nan), complex(-inf, -nan), 1e16j, 1e-5 + 1e22j,
          complex(1.5, 0), complex(123456789012345678, 1), 0.1 + 0.2j, complex(2 ** 53, -1)]
for v in values:
    print(repr(v), str(v), f"{v}", [v], (v,))
print([hash(v) for v in values if v == v])
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(-1 + 0j), hash(complex(0, -1)))

d = {1j: "a", 1: "b", 2.5j: "c", 1 + 1j: "d"}
print(d[1j], d[1 + 0j], d[complex(0, 2.5)], d[complex(1, 1)], 1.0 + 0j in d, len({1j, 1j, 2j}))
d[complex(1)] = "e"
print(d)

for spec in ["", ".2f", ">10", "<12", "^14", "*^14.1f", "+", " ", "-", ".3", "e", "E", ".2e", "g",
             "G", "n", "#.0f", "+.1e", "10.3g", ",.2f", "_.1f"]:
    print(repr(spec), repr(format(1234.5 - 2j, spec)), repr(format(2j, spec)), repr(format(-0.5 + 0j, spec)))
print(f"{1+2j!r:>12}|{3j:^8}|{1.5-2j:+.3e}|{complex(nan, -inf):.1f}|{complex(inf, 0):g}")
print("{:.1f} and {!s:>8}".format(1 + 1j, 2j), "%s %r %5s" % (1j, 2 + 0j, 1j))

for spec in ["0", "010", "=10", "0<10", "d", "s", "%", "x", ".1%", "z.1f", "c"]:
    try:
        print(repr(spec), format(1 + 2j, spec))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for f in [lambda: "%d" % 1j, lambda: "%.2f" % (1 + 1j), lambda: "%x" % 1j, lambda: "%e" % 2j,
          lambda: format(1j, 5)]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
