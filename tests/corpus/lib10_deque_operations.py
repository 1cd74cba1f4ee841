from collections import deque

d = deque('ghi')
d.append('j')
d.appendleft('f')
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend('jkl')
d.extendleft('abc')
print(d)
print(list(reversed(d)), 'h' in d, d.index('h'), d.count('k'))
d.remove('h')
d.insert(1, 'X')
d[0] = 'first'
del d[-1]
print(d)
d.reverse()
print(d, d.copy() == d, deque() == deque([]), bool(deque()))
d.clear()
print(d)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque('a')[5], lambda: deque('a').remove('z')]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ':', e)
