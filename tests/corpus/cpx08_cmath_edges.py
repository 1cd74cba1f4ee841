# cmath at the edges of finite values: signed zeros, subnormals, arguments near overflow (the scaled
# formulas past log(DBL_MAX/4)), and the range errors CPython 3.11 raises there.
import cmath
vals = [0j, complex(-0.0, 0), complex(0, -0.0), complex(-0.0, -0.0), -1 + 0j, complex(-1, -0.0), 709.5 + 1j, 710 + 0.5j, -710 + 0.5j, complex(0, 710),
        5e-324 + 5e-324j, 1e-300j, 1e308 + 1e308j, -1e308 + 0j, 0.7 + 0.7j, 1 + 1e-10j, complex(1.7e308, -1e-308), 3.14159 - 2j, 20 + 20j, -20.5 - 0.1j]
for z in vals:
    out = []
    for f in ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh", "phase", "polar"]:
        try:
            out.append(repr(getattr(cmath, f)(z)))
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(repr(z), " ".join(out))
for r, phi in [(0, 0), (-0.0, 1), (1, -0.0), (2, 1e308), (1e308, 1e-308), (-1, 0), (3, -2.5)]:
    print(cmath.rect(r, phi))
