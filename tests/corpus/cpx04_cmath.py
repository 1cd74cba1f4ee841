# cmath over finite values, its constants and its errors: the digits of CPython 3.11 (same formulas, same libm).
import cmath
zs = [1+2j, -1-1j, 3, -4, 0.5j, 1e-310+1e-310j, 1e300+1e300j, -2.5+0j, 700+1j, 1]
for z in zs:
    print(z, cmath.sqrt(z), cmath.exp(z) if abs(z) < 800 else '-', cmath.log(z), cmath.log10(z), cmath.phase(z), cmath.polar(z))
    print(cmath.sin(z) if abs(z) < 700 else '-', cmath.cos(z) if abs(z) < 700 else '-', cmath.tan(z), cmath.sinh(z) if abs(z) < 700 else '-', cmath.cosh(z) if abs(z) < 700 else '-', cmath.tanh(z))
print(cmath.log(8, 2), cmath.log(1j, 1+1j), cmath.rect(2, 0.5), cmath.rect(1, 0), cmath.rect(-1, cmath.pi))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1j, 1.1j, rel_tol=0.2), cmath.isnan(cmath.nanj), cmath.isinf(cmath.infj), cmath.isfinite(1j))
print(cmath.sqrt(-0.0), cmath.sqrt(complex(0,-0.0)), cmath.sqrt(-1), (-8) ** 0.5, (-8.0) ** (1/3))
for f in [lambda: cmath.log(0), lambda: cmath.exp(1000), lambda: cmath.log(1, 1), lambda: cmath.sqrt('x'), lambda: cmath.isclose(1, 1, rel_tol=-1), lambda: cmath.cosh(1000)]:
    try: print(f())
    except Exception as e: print(type(e).__name__ + ":", e)
