# sys.get_int_max_str_digits / set_int_max_str_digits: the limit CPython 3.11's error message points
# to, its accepted values, and both conversions under a lowered and a removed limit.
import sys

print(sys.get_int_max_str_digits())
for v in [639, 640, 0, -1, 2**100, 1.5]:
    try:
        sys.set_int_max_str_digits(v)
        print("ok", v, sys.get_int_max_str_digits())
    except Exception as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(640)
for f in [lambda: str(10**700), lambda: int("1" * 700), lambda: len(str(10**639)), lambda: int("f" * 700, 16) > 0]:
    try:
        print(f())
    except ValueError as e:
        print(e)
sys.set_int_max_str_digits(maxdigits=0)
print(len(str(10**5000)), int("7" * 5000) % 1000)
