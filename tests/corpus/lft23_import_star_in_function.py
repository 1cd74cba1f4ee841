# `from m import *` inside a function is a SyntaxError, reported before anything runs.
print("never runs")


def f():
    from math import *
    return sqrt(4)
