# Value('c') holds one byte; Array('c') is a byte string with .value and .raw; Array('b') of small ints.
from multiprocessing import Process, Value, Array


def change(c, s):
    c.value = b"z"
    s.value = b"hi"


if __name__ == "__main__":
    c = Value("c", b"a")
    s = Array("c", 5)
    print(c.value, s.value, s.raw, len(s))
    p = Process(target=change, args=(c, s))
    p.start()
    p.join()
    print(c.value, s.value, s.raw, s[0], s[:])
    b = Array("b", [1, -2, 3])
    print(b[:], b[1])
    try:
        Value("x", 1)
    except Exception as e:
        print(type(e).__name__)
