# from module import * at module level (its __all__, or its public names).
from math import *
from itertools import *
from collections import *
print(sqrt(16), pi, list(islice(count(), 3)), Counter('aab'), floor(2.5))
import json
from json import *
print(dumps([1]), loads('{}'))
def f():
    return sqrt(4)
print(f())
try:
    exec_me = None
    from json import *
    print(sorted(n for n in dir() if n in ('dumps', 'loads', 'JSONDecodeError')))
except Exception as e:
    print(type(e).__name__, e)
