# Nested types in shared memory: a Structure holding a Structure, an array and a Union; a child
# changes each part through views, the parent reads them back.
from multiprocessing import Process
from multiprocessing.sharedctypes import Value, RawArray
from ctypes import Structure, Union, c_int, c_double, c_ubyte, c_uint, c_char, sizeof


class Vec(Structure):
    _fields_ = [('x', c_double), ('y', c_double)]


class Word(Union):
    _fields_ = [('n', c_uint), ('b', c_ubyte * 4)]


class Body(Structure):
    _fields_ = [('name', c_char * 6), ('pos', Vec), ('vel', Vec), ('hist', c_int * 3),
                ('flags', Word)]


def step(bodies, first):
    for b in bodies:
        b.pos.x += b.vel.x
        b.pos.y += b.vel.y
        b.hist[0] += 1
        b.flags.b[0] = 7
    first.vel = (0.5, 0.25)
    first.name = b'first'


if __name__ == '__main__':
    print(sizeof(Vec), sizeof(Word), sizeof(Body))
    bodies = RawArray(Body, [(b'a', (0, 0), (1, 2)), (b'b', (10, 10), (-1, 0))])
    first = Value(Body, b'x', (1, 1))
    p = Process(target=step, args=(bodies, first))
    p.start()
    p.join()
    for b in bodies:
        print(b.name, b.pos.x, b.pos.y, list(b.hist), b.flags.n)
    print(first.name, first.vel.x, first.vel.y, first.pos.x)
