# Where complex numbers are refused (math, json, int/float conversion, ordering) and where they
# pass (copy, sum, sorted by key, isinstance checks), with CPython 3.11's messages.
import math
import json
import copy

z = 3 + 4j
for name in ["sqrt", "floor", "ceil", "trunc", "exp", "log", "isnan", "fabs"]:
    try:
        getattr(math, name)(z)
    except TypeError as e:
        print(f"math.{name}: TypeError: {e}")
for f in [lambda: json.dumps(z), lambda: json.dumps([1, {"a": 1j}]), lambda: int(z), lambda: float(z),
          lambda: math.isclose(z, z), lambda: range(1j), lambda: [1, 2][z], lambda: "abc" * 1j,
          lambda: hex(1j), lambda: round(z, 1), lambda: chr(1j), lambda: z.real.__class__.__name__]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
print(copy.copy(z), copy.deepcopy([z, {z: z}]), sorted([3j, 1, -2j, 0.5], key=abs))
print(max([1 + 1j, 3, 2j], key=abs), min(1j, 2j, key=lambda c: c.imag), sum([1j] * 10))
print(isinstance(1j, (int, float, complex)), issubclass(complex, object), complex.__name__, str(complex))
print(z.__class__ is complex, type(z)(1, 1), [type(x).__name__ for x in (1, 1.0, 1j)])
print(json.dumps({"re": z.real, "im": z.imag}), z.__complex__(), abs(z) == 5.0, z.imag.is_integer())
