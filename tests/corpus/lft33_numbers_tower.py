# numbers (CPython's own module): the numeric tower's ABCs and the builtin types registered in
# them, an abstract subclass that cannot be made.
import numbers
for v in [1, True, 2.5, 1j, "x", None]:
    print(repr(v), [c.__name__ for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral) if isinstance(v, c)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational), numbers.Integral.__mro__)
class Meters(numbers.Real):
    pass
try:
    Meters()
except TypeError as e:
    print("TypeError", str(e)[:60])
