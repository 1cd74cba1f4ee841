# A survey of math: each name with a sample result (or its error), for comparing with CPython.
import math

samples = [
    ("factorial", (30,)), ("gcd", (2**100, 6**50, 12)), ("lcm", (4, 6, 10)), ("isqrt", (10**40 + 5,)),
    ("comb", (52, 5)), ("perm", (10, 3)), ("prod", ([1, 2, 3, 4.5],)), ("fsum", ([0.1] * 10,)),
    ("log", (8, 2)), ("log", (10**400,)), ("log2", (3,)), ("log10", (2,)), ("log1p", (1e-10,)),
    ("exp", (1,)), ("exp2", (0.5,)), ("expm1", (1e-10,)), ("pow", (2, 0.5)), ("sqrt", (2,)), ("cbrt", (27,)),
    ("sin", (1,)), ("cos", (1,)), ("tan", (1,)), ("asin", (0.5,)), ("acos", (0.5,)), ("atan", (1,)),
    ("atan2", (1, -1)), ("sinh", (1,)), ("cosh", (1,)), ("tanh", (1,)), ("asinh", (1,)), ("acosh", (2,)),
    ("atanh", (0.5,)), ("hypot", (3, 4, 12)), ("dist", ((0, 0), (3, 4))), ("degrees", (1,)), ("radians", (90,)),
    ("trunc", (-2.7,)), ("floor", (-2.5,)), ("ceil", (2.1,)), ("modf", (3.25,)), ("frexp", (123.456,)),
    ("ldexp", (0.5, 10)), ("copysign", (3, -0.0)), ("fabs", (-2,)), ("fmod", (-7, 3)), ("remainder", (7, 3)),
    ("isfinite", (1e308,)), ("isinf", (math.inf,)), ("isnan", (math.nan,)), ("isclose", (0.1 + 0.2, 0.3)),
    ("nextafter", (1.0, 2.0)), ("ulp", (1.0,)), ("erf", (0.5,)), ("erfc", (0.5,)),
    ("sqrt", (-1,)), ("exp", (1000,)), ("log", (0,)), ("factorial", (-1,)), ("floor", ("x",)),
]
for name, args in samples:
    try:
        print(name, getattr(math, name)(*args))
    except (ValueError, OverflowError, TypeError) as e:
        print(name, type(e).__name__, e)
for name in ["pi", "e", "tau", "inf", "nan"]:
    print(name, getattr(math, name))
