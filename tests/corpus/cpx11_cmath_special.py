# cmath of infinite and NaN arguments: every combination of the seven kinds of part for sqrt, log
# and log10 (CPython's special-value tables), and the domain errors of the others.
import cmath

inf, nan = float("inf"), float("nan")
parts = [-inf, -2.5, -0.0, 0.0, 2.5, inf, nan]
for f in ["sqrt", "log", "log10"]:
    for re in parts:
        row = []
        for im in parts:
            try:
                row.append(repr(getattr(cmath, f)(complex(re, im))))
            except ValueError as e:
                row.append("ValueError")
        print(f, re, " ".join(row))
for f in ["exp", "sin", "cos", "tan", "sinh", "cosh", "tanh"]:
    errors = []
    for re in parts:
        for im in parts:
            try:
                getattr(cmath, f)(complex(re, im))
            except ValueError:
                errors.append(complex(re, im))
    print(f, "math domain error at", errors)
print(cmath.exp(complex(-inf, 0)), cmath.exp(complex(inf, 0)), cmath.exp(complex(nan, 0)), cmath.sqrt(complex(-inf, 1)),
      cmath.isinf(cmath.exp(complex(inf, 1))), cmath.isnan(cmath.sin(complex(nan, 1))))
