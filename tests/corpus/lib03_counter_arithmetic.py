from collections import Counter

a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b)
print(a - b)
print(b - a)
print(a & b)
print(a | b)
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) < Counter(a=2), Counter(a=3) >= Counter(a=1, b=1))
c = Counter(x=5, y=1)
c -= Counter(y=3)
print(c)
c += Counter(y=2)
print(c)
c |= Counter(x=9)
c &= Counter(x=7, y=7)
print(c)
try:
    Counter(a=1) + 1
except TypeError as e:
    print('TypeError:', e)
