# multiprocessing.sharedctypes' objects and their reprs: Synchronized wrappers, raw ctypes objects
# (RawValue, lock=False), ctypes types as typecodes, the wrapper classes and isinstance.
import multiprocessing as mp
from multiprocessing import sharedctypes
from multiprocessing.sharedctypes import Value, Array, RawValue, RawArray
from ctypes import Structure, c_int, c_double, c_bool, c_char, c_longlong, c_ubyte, c_size_t


class Point(Structure):
    _fields_ = [('x', c_double), ('y', c_double)]


if __name__ == '__main__':
    n = Value('i', 7)
    print(n, n.value, type(n).__name__, type(n).__module__)
    print(RawValue('i', 7), Value('i', lock=False), Value(c_double, 1.0 / 3.0, lock=False))
    print(mp.Value(c_double, 2.5), mp.Value('d', 2.5), mp.Value(c_longlong, 3), mp.Value(c_size_t, 4))
    print(mp.Value(c_ubyte, 300), Value(c_bool, 5), RawValue(c_bool), Value(c_char, b'z'))
    print(sharedctypes.typecode_to_type['d'], sharedctypes.typecode_to_type['q'])
    s = Array('c', b'hello world')
    a = Array('i', [1, 2, 3])
    print(type(s).__name__, type(a).__name__)
    print(type(Value(Point)).__name__, type(Array(Point, 2)).__name__, type(RawValue(Point)).__name__)
    print(type(RawArray(Point, 2)).__name__, type(Array(c_int * 2, 2)).__name__)
    print(isinstance(n, sharedctypes.Synchronized), isinstance(a, sharedctypes.SynchronizedArray))
    print(isinstance(s, sharedctypes.SynchronizedString), isinstance(s, sharedctypes.SynchronizedArray))
    print(isinstance(n, sharedctypes.SynchronizedBase), isinstance(n, sharedctypes.SynchronizedArray))
    print(isinstance(Value(Point), sharedctypes.SynchronizedBase), isinstance(Value(c_bool), sharedctypes.Synchronized))
    print(repr(n.get_obj()), type(n.get_lock()).__name__, type(s.get_lock()).__name__)
    raw = RawValue('d', 0.5)
    print(type(raw).__name__, type(raw).__module__, type(n.get_obj()).__name__, type(Value('h', lock=False)).__name__)
    lock = mp.Lock()
    v = Value('d', 1.5, lock=lock)
    print(v.get_lock() is lock, v)
    print(sharedctypes.__all__)
