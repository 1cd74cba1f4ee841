# Shared ctypes objects as arguments of spawned and forkserver children: the child imports the
# program as __mp_main__, gets views of the same shared memory (a Structure, an array of them,
# a c_bool, a RawArray) and its own wrappers around the same lock; objects made after the fork server started
# reach its children too.
import multiprocessing as mp
from multiprocessing.sharedctypes import RawArray, RawValue, synchronized
from ctypes import Structure, c_double, c_bool, c_int


class Point(Structure):
    _fields_ = [('x', c_double), ('y', c_double)]


def work(p, pts, flag, grid, tag):
    with p.get_lock():
        p.x += 1
    pts[1].y = 5
    flag.value = not flag.value
    grid[1] = 9
    print(tag, __name__, type(p).__name__, type(pts).__name__, p.x, pts[1].y, flag.value)


if __name__ == '__main__':
    for method in ('spawn', 'forkserver'):
        ctx = mp.get_context(method)
        p = ctx.Value(Point, 1, 2)
        pts = ctx.Array(Point, 2)
        flag = ctx.Value(c_bool)
        grid = RawArray(c_int, 3)
        child = ctx.Process(target=work, args=(p, pts, flag, grid, method))
        child.start()
        child.join()
        print(method, p.x, pts[1].y, flag.value, grid[:], child.exitcode)
    late = ctx.Value(Point, 10, 20)
    other = synchronized(RawValue(Point, 7, 8), ctx.RLock())
    for obj in (late, other):
        child = ctx.Process(target=work, args=(obj, pts, flag, grid, 'late'))
        child.start()
        child.join()
        print('late', obj.x, flag.value)
