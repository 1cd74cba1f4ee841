from collections import deque

last3 = deque(maxlen=3)
for n in range(1, 7):
    last3.append(n)
    print(n, last3)
print(last3.maxlen, deque([1, 2]).maxlen)
last3.appendleft(0)
print(last3)
last3.extend([10, 11])
print(last3)
print(deque(range(10), maxlen=4), deque('abc', maxlen=0))
try:
    deque([1], maxlen=-1)
except ValueError as e:
    print('ValueError:', e)
full = deque([1, 2], maxlen=2)
try:
    full.insert(0, 9)
except IndexError as e:
    print('IndexError:', e)
