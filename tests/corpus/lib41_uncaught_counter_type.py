from collections import Counter

c = Counter('abc')
print(c)
c.update(5)
print('not reached')
