# sys.setrecursionlimit is honoured: lower it and a shallow recursion fails, raise it and a deep one works.
import sys


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(sys.getrecursionlimit())
sys.setrecursionlimit(60)
print(sys.getrecursionlimit(), depth(40))
try:
    depth(100)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(4000)
print(depth(3000))
for bad in [0, -5, 2.5]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
