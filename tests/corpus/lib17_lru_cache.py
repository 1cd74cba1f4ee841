from functools import lru_cache

computed = []

@lru_cache(maxsize=3)
def slow_square(n):
    computed.append(n)
    return n * n

for n in [1, 2, 3, 1, 4, 2, 1]:
    slow_square(n)
print(computed)
info = slow_square.cache_info()
print(info)
print(info.hits, info.misses, info.maxsize, info.currsize)
slow_square.cache_clear()
print(slow_square.cache_info())
print(slow_square.__name__, slow_square.__wrapped__(9))

@lru_cache(maxsize=None)
def add(a, b=0):
    return a + b
print(add(1), add(1, 2), add(1, b=2), add(1, b=2), add.cache_info())
