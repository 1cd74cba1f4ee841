# An uncaught math domain error ends the program with a traceback through the function.
import math


def side(a, b, c):
    s = (a + b + c) / 2
    return math.sqrt(s * (s - a) * (s - b) * (s - c))


print(side(3, 4, 5))
print(side(1, 1, 5))
print("not reached")
