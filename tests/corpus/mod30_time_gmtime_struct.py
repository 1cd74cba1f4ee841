# time.gmtime gives a struct_time: a 9-tuple with named fields and CPython's repr.
import time

t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_wday, t.tm_yday, t.tm_isdst, t.tm_zone)
print(t[0], t[-1], len(t), t[:3], tuple(t)[3:6], list(t))
year, month, day, *rest = time.gmtime(1_000_000_000.9)
print(year, month, day, rest)
print(time.gmtime(-1.5), time.gmtime(951782400).tm_yday)
print(time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0), time.gmtime(5) > time.gmtime(4), 1970 in time.gmtime(0))
print(type(t).__name__, time.struct_time.__name__, type(time.gmtime()).__name__)
