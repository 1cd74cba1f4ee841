# math.factorial: exact at any size, CPython's errors for negatives and floats.
import math

for n in [0, 1, 5, 20, 21, 30, 50]:
    print(n, math.factorial(n))
print(len(str(math.factorial(1000))), math.factorial(1000) % 10**9)
print(math.factorial(True), math.factorial(25) // math.factorial(23))
for bad in [-1, 2.0, "5", None]:
    try:
        math.factorial(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
