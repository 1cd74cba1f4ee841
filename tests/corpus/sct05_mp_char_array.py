# A SynchronizedString (Array('c')): value (to the first NUL) and raw as bytes, slices, items,
# written by a child and read by the parent; a c_char array as a RawArray.
from multiprocessing import Process
from multiprocessing.sharedctypes import Array, RawArray
from ctypes import c_char


def shout(s):
    s.value = s.value.upper()[:5] + b'!'


def stamp(raw):
    raw[0:3] = b'XYZ'


if __name__ == '__main__':
    s = Array('c', b'hello world')
    print(s.value, s.raw, len(s), s[0], s[1:5], s[::2])
    p = Process(target=shout, args=(s,))
    p.start()
    p.join()
    print(s.value, s.raw)
    s.value = b'hi'
    print(s.value, s.raw)
    s.raw = b'abcd\x00fghijk'
    print(s.value)
    t = Array(c_char, 6)
    print(t.raw, t.value, type(t).__name__)
    r = RawArray('c', b'abcdef')
    p = Process(target=stamp, args=(r,))
    p.start()
    p.join()
    print(r.value, r.raw, r[:])
    try:
        s.value = b'x' * 20
    except ValueError as e:
        print('ValueError:', e)
