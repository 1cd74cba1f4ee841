# A raw shared array's type is ctypes' array type, one per element type and length
# (c_int_Array_3), in its name, in copy() and get_obj(), and in the refusal to send it on a Pipe.
import multiprocessing as mp
from multiprocessing import sharedctypes
import ctypes
a = mp.RawArray("i", [1, 2, 3])
print(type(a).__name__, type(a).__module__, len(a), a[:])
b = mp.RawArray(ctypes.c_double, 2)
print(type(b).__name__)
c = sharedctypes.copy(a)
print(type(c).__name__, c[:])
s = sharedctypes.synchronized(a)
print(type(s).__name__, s[:])
l = mp.Array("i", 3)
print(type(l.get_obj()).__name__)
print(type(mp.RawArray("c", b"xy")).__name__, mp.RawArray("c", b"xy").value)
try:
    mp.Pipe()[0].send(a)
except Exception as e:
    print(type(e).__name__, e)
