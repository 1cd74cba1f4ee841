# ctypes types as the typecode_or_type of multiprocessing.Value and Array: c_double is 'd', c_short
# wraps as C does, c_bool and c_wchar live in shared memory too, an array type as a Value's type.
import multiprocessing as mp
from ctypes import c_double, c_short, c_bool, c_wchar, c_int, c_ubyte, c_uint


def change(d, s, b, w, arr, grid):
    d.value *= 4
    s.value += 40000
    b.value = not b.value
    w.value = 'Z'
    arr[1] = -1
    grid[2] = 99


if __name__ == '__main__':
    d = mp.Value(c_double, 0.25)
    s = mp.Value(c_short, 1)
    b = mp.Value(c_bool, False)
    w = mp.Value(c_wchar, 'a')
    arr = mp.Array(c_uint, [1, 2, 3])
    grid = mp.Value(c_int * 3)
    print(d, s, b, w)
    print(arr[:], type(grid).__name__, list(grid), len(grid))
    p = mp.Process(target=change, args=(d, s, b, w, arr, grid))
    p.start()
    p.join()
    print(d.value, s.value, b.value, w.value, arr[:], grid[:])
    u = mp.Array('u', 'abc')
    print(type(u).__name__, u[:], u[1])
    bs = mp.Array(c_bool, [1, 0, 5])
    print(bs[:], type(bs).__name__)
    print(mp.RawValue(c_ubyte, 257), mp.Value(c_double, 7, lock=False))
