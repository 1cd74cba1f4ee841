# Comparing floats: isclose with its tolerances, isfinite, isinf, isnan, the constants.
import math

print(0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.0 + 1e-10))
print(math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308), math.isclose(math.nan, math.nan))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(10**30))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.tau == 2 * math.pi)
print(math.nan == math.nan, math.inf > 10**400, type(math.inf).__name__)
for f in [lambda: math.isclose(1, 1, rel_tol=-1), lambda: math.isclose(1, 2, tol=1), lambda: math.isclose(1)]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
