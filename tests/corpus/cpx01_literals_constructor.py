# Complex literals and the complex() constructor, as CPython 3.11 parses them.
print(2j, 1.5e3j, 0j, 1_000j, .5j, 1e-5j, 10J)
print(type(1j), isinstance(1j, complex), isinstance(1j, (int, float)), type(1j).__name__)
print(complex(), complex(1), complex(1.5), complex(1, 2), complex(1.5, -2.5), complex(True, False))
print(complex(real=2, imag=3), complex(imag=2), complex(real=-1))
print(complex(1j, 2), complex(1j, 1j), complex(-0.0, 0), complex(1, -0.0), complex(0, -0.0))

for s in ["1+2j", "  (1+2j) ", "j", "-j", "+J", "1e3", "1_0j", "nan+nanj", "+1.5e3-2J",
          "inf", "-infj", "(3)", "1.", ".5j", "1-j", "\t2.5e-3j\n"]:
    print(repr(s), complex(s))

for s in ["1 + 2j", "(1", "1+2", "", "j1", "1e", "1__0j", "2jj", "(1+2j", "1+2j)", "()", "x"]:
    try:
        complex(s)
    except ValueError as e:
        print(repr(s), "ValueError:", e)


class Temperature:
    def __init__(self, re, im):
        self.re, self.im = re, im

    def __complex__(self):
        return complex(self.re, self.im)


class Bad:
    def __complex__(self):
        return 42


print(complex(Temperature(1, 2)), complex(Temperature(1, 2), 1))

for args in [([1],), (1, [1]), ("1", 2), (1, "2"), (Bad(),), (None,)]:
    try:
        complex(*args)
    except TypeError as e:
        print("TypeError:", e)


class Shifted(complex):
    def shifted(self):
        return self + 1


z = Shifted(1, 2)
print(z, type(z).__name__, isinstance(z, complex), z.shifted(), z.real, z.imag)
