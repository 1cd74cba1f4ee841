# while loops and classic algorithms: binary search, bubble sort, sieve, collatz.
def binary_search(items, target):
    lo, hi = 0, len(items) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid, steps
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
data = list(range(0, 100, 3))
print(binary_search(data, 42), binary_search(data, 43), binary_search(data, 0))
def bubble(xs):
    xs = xs[:]
    n = len(xs)
    swaps = 0
    for i in range(n):
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swaps += 1
    return xs, swaps
print(bubble([5, 1, 4, 2, 8, 0]))
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    p = 2
    while p * p <= n:
        if is_p[p]:
            for m in range(p * p, n + 1, p):
                is_p[m] = False
        p += 1
    return [i for i, v in enumerate(is_p) if v]
print(sieve(60))
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(n) for n in range(1, 12)], collatz(27))
total = 0
for i in range(100000):
    total += i * i
print(total)
