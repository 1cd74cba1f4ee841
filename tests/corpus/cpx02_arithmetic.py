# Arithmetic between complex, int and float on either side, and CPython 3.11's refusals.
z = 1 + 2j
w = 3 - 4j
print(z + w, z - w, z * w, z / w, z ** 2, z ** w, w ** -2)
print(z + 1, 1 + z, z - 1, 1 - z, z * 2.5, 2.5 * z, z / 2, 2 / z, 2 ** z, z ** 0.5)
print(-z, +z, abs(w), abs(-3j), abs(complex(1e308, 0)), z.conjugate(), w.conjugate().conjugate())
print(z.real, z.imag, (5).real if False else 5, True + 1j, 1j * 1j, 1j ** 2, (-1) ** 0.5, (-8) ** (1 / 3))
print(sum([1j, 2, 3.5]), sum([0.1j, 0.2j], 1), sum(complex(k, -k) for k in range(5)))
acc = 0j
for k in range(1, 6):
    acc += 1 / complex(k, 1)
    acc *= 1 + 0.5j
print(acc)
print(z == 1 + 2j, z != w, (1 + 0j) == 1, 1 == (1 + 0j), 1.5 == complex(1.5), 2 ** 64 == complex(2 ** 64),
      2 ** 53 + 1 == complex(2 ** 53 + 1), z == "z", z != None, 1j in [1j], 2 in [2 + 0j])
print(bool(0j), bool(1j), bool(complex(0, -0.0)), bool(0.0001j), not 0j)
print((1e200 + 1e200j) ** 2, 1e308j * 1e308j * 10, 0j ** 0, 0j ** 2, 0j ** 2.5, 1j ** 100, (1 + 1j) ** 101)

cases = [
    lambda: 1j / 0,
    lambda: 1 / 0j,
    lambda: 1j / (0 + 0j),
    lambda: 1j < 2j,
    lambda: 1j >= 1,
    lambda: 1 > 1j,
    lambda: 1j // 1,
    lambda: 1j % 1,
    lambda: 2 // 1j,
    lambda: divmod(1j, 1),
    lambda: int(1j),
    lambda: float(1j),
    lambda: round(1j),
    lambda: 0j ** -1,
    lambda: 0j ** 1j,
    lambda: 0j ** -2.5,
    lambda: pow(1j, 2, 3),
    lambda: (1e200 + 1e200j) ** 2.5,
    lambda: abs(complex(1e308, 1e308)),
    lambda: 1j & 1,
    lambda: 1j << 1,
    lambda: sorted([1j, 2j]),
    lambda: max(1j, 2j),
    lambda: "x" + 1j,
    lambda: [1] * 1j,
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
