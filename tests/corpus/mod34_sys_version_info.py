# sys.version_info is a named tuple-like: compare it with tuples, index it, read its fields.
import sys

v = sys.version_info
print(v[:2], v >= (3, 8), v < (4,), (3, 11) <= v, v.major, v.minor, v.releaselevel, v[0] == v.major)
print(len(v), v[3], type(v.micro).__name__, sys.version.startswith("3.11"))
major, minor, *_ = v
print(major, minor)
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits, sys.float_info[0] == sys.float_info.max)
print(type(sys.path).__name__, "sys" in sys.modules, sys.argv[0], len(sys.argv))
