# sharedctypes.copy (a new raw object in shared memory with the same contents) and synchronized
# (a lock-holding wrapper around a raw object: Synchronized, SynchronizedArray, SynchronizedString,
# or a class made for a Structure, SynchronizedPoint, with a property per field).
from multiprocessing import Process, RLock
from multiprocessing.sharedctypes import RawValue, RawArray, Value, copy, synchronized
from ctypes import Structure, c_int, c_double


class Point(Structure):
    _fields_ = [('x', c_double), ('y', c_double)]


def move(p, n):
    with p:
        p.x += 1
        p.y -= 1
    n.value += 10


if __name__ == '__main__':
    raw = RawValue(Point, 1, 2)
    dup = copy(raw)
    dup.x = 50
    print(raw.x, dup.x, type(dup).__name__)
    print(copy(RawValue('i', 5)), copy(RawArray('d', [1.5, 2.5]))[:], copy(RawArray('c', b'ab')).raw)
    sp = synchronized(raw)
    sn = synchronized(RawValue('i', 1), RLock())
    print(type(sp).__name__, sp.x, sp.y, type(sp.get_lock()).__name__)
    print(sn, type(sn).__name__)
    print(type(synchronized(RawArray('i', 2))).__name__, type(synchronized(RawArray('c', 2))).__name__)
    print(type(synchronized(RawArray(Point, 2))).__name__)
    print(type(sp) is type(synchronized(RawValue(Point))), sorted(k for k in vars(type(sp)) if not k.startswith('_')))
    p = Process(target=move, args=(sp, sn))
    p.start()
    p.join()
    print(sp.x, sp.y, raw.x, raw.y, sn.value, dup.x)
    try:
        synchronized(sp)
    except AssertionError as e:
        print('AssertionError:', e)
    try:
        synchronized(Value('i', 1))
    except AssertionError as e:
        print('AssertionError:', e)
