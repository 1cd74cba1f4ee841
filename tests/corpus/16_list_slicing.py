# Slicing with steps and negative indices; slice assignment and deletion.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[-1], a[-10])
print(a[::2], a[1::2], a[::-1], a[::-3], a[8:2:-2], a[-2:-8:-1])
print(a[5:2], a[100:], a[-100:2], a[3:3])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [7, 7]
print(b)
b[-2:] = []
print(b)
c = list(range(8))
c[::2] = ["e"] * 4
print(c)
del c[::3]
print(c)
del c[0]
del c[-1]
print(c)
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-2], t[-1:])
s = "abcdefgh"
print(s[1:-1:2], s[::-4], s[-3:])
try:
    c[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    print(a[10])
except IndexError as e:
    print("IndexError:", e)
