# Ints past 64 bits in f-strings, format() and %: grouping, bases, prefixes, widths, float types.
n = 2**70
m = -(3**50)
print(f"{n}|{n:,}|{n:_}|{n:x}|{n:X}|{n:#x}|{n:b}|{n:#o}|{n:_x}|{n:_b}")
print(f"{m}|{m:,}|{m:+}|{n:+}|{n: }|{m:#X}|{m:o}")
print(f"[{n:>30}]|[{n:<30}]|[{n:^30}]|[{n:*^30}]|[{m:030}]|[{m:=30}]|[{n:030,}]")
print(f"{n:e}|{n:.3e}|{n:f}|{n:.2f}|{n:g}|{n:%}|{m:E}|{n:.10g}")
print(format(n, "d"), format(m, ","), format(10**30, "_d"), format(2**100, "#b")[:12])
print("%d|%i|%x|%X|%o|%#x|%10d|%-30d|%+d" % (n, m, n, n, n, n, 10**12, n, n))
print("%e|%f|%.2f|%g|%s|%r" % (n, n, m, n, n, m))
print("{} {:,} {:>25} {!r}".format(n, n, m, n))
print(str(10**50), repr(-(10**50)), [2**64, (2**65,), {2**66: 2**67}])
print(len(str(10**4299)), len(repr(-(10**4299))))
try:
    f"{2**100:c}"
except OverflowError as e:
    print("OverflowError", e)
try:
    format(2**100, "s")
except ValueError as e:
    print("ValueError", e)
