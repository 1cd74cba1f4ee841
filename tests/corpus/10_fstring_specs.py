# f-strings with format specs and conversions.
x = 3.14159
n = 1234567
name = "forkyard"
print(f"[{x:>8.3f}]")
print(f"[{x:<8.2f}]")
print(f"[{x:^9.1f}]")
print(f"[{x:.0f}] [{2.5:.0f}] [{x:e}] [{x:.2e}] [{12345.678:g}] [{0.00001234:g}]")
print(f"[{n:,}] [{n:_}] [{n:>12,}] [{-n:,}] [{1234.5:,.2f}]")
print(f"[{5:08b}] [{255:x}] [{255:X}] [{255:#x}] [{8:o}] [{255:#010x}]")
print(f"[{42:5d}] [{42:<5d}] [{42:^5d}] [{42:05d}] [{42:+d}] [{-42:+d}] [{42: d}]")
print(f"[{name!r}] [{name!s}] [{name:>12}] [{name:*^12}] [{name:.3}]")
print(f"[{0.25:%}] [{0.25:.1%}]")
print(f"{x=}", f"{n = }")
items = [1, 2]
print(f"{items} {items!r} {len(items)} {items[0] + 10}")
d = {"k": "v"}
print(f"{d['k']} {d}")
w = 10
p = 3
print(f"[{x:{w}.{p}f}]")
print(f"{'nested'} {{braces}} {3 * 7}")
print(f"{True} {None} {1.0} {-0.0}")
print(f"{1e20} {1e20:f} {123.0:g} {1.5:08.3f} {-1.5:08.3f}")
