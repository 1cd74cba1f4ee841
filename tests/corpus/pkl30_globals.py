# Functions and classes pickle by reference (STACK_GLOBAL from protocol 4, GLOBAL before it with
# Python 2's names under protocol 2): the program's under __main__, builtins, library classes and
# functions, a nested class by its qualified name; they load back as the same objects.
import pickle
import os
import functools
from collections import OrderedDict


def top():
    return 'top'


class Outer:
    class Inner:
        pass


objs = [top, Outer, Outer.Inner, len, print, int, range, str, ValueError, ConnectionError,
        type(None), os.getpid, functools.partial, OrderedDict]
for o in objs:
    for proto in (2, 3, 4):
        try:
            b = pickle.dumps(o, proto)
        except Exception as e:
            print(proto, getattr(o, "__qualname__", o), type(e).__name__, e)
            continue
        back = pickle.loads(b)
        print(proto, getattr(o, "__qualname__", o), b, back is o)
print(pickle.loads(pickle.dumps(top))())
print(pickle.dumps([top, top, Outer]))
