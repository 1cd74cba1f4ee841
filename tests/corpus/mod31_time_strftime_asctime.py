# Formatting times: strftime with a struct_time or a 9-tuple, asctime, ctime's shape.
import time

t = time.gmtime(1234567890)
print(time.strftime("%Y-%m-%d %H:%M:%S", t))
print(time.strftime("%a %A %b %B %j %U %w %y %p %I %%", t))
print(time.strftime("%d/%m/%Y", (2020, 2, 29, 13, 5, 9, 5, 60, 0)), repr(time.strftime("", t)))
print(time.asctime(t), time.asctime((2024, 2, 3, 4, 5, 6, 5, 34, 0)))
print(len(time.ctime(0)), len(time.ctime()), isinstance(time.asctime(), str))
for f in [lambda: time.asctime((2024, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.strftime("%Y", (1, 2)),
          lambda: time.asctime(5), lambda: time.strftime(5), lambda: time.strftime("%H", (2024, 1, 1, 25, 0, 0, 0, 1, 0))]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
