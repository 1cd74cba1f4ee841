# f-string, % and str.format formatting per second.
import time

n = 100000
t0 = time.perf_counter()
total = 0
for i in range(n):
    s = f"{i:>6} {i * 0.5:.2f}" + "%d-%s" % (i, "x") + "{}|{}".format(i, i)
    total += len(s)
dt = time.perf_counter() - t0
print(f"figure: string_formatting {3 * n / dt / 1e6:.3f} M/s")
