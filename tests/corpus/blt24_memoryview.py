def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


ba = bytearray(b"hello")
m = memoryview(ba)
print(len(m), m[0], m[-1], m[1:3].tobytes(), m.tobytes(), m.tolist())
ba[0] = 72
print(m.tobytes())
m[1] = 69
m[2:4] = b"LL"
print(ba, m.readonly, m.nbytes)
mb = memoryview(b"abc")
print(mb.readonly, mb[::-1].tobytes(), bytes(mb[1:]), mb == b"abc", mb.hex(), list(mb))
print(b"x" + memoryview(b"y"), memoryview(memoryview(b"qq")).tobytes())
t(lambda: mb[5])
t(lambda: memoryview("abc"))
t(lambda: memoryview(5))
t(lambda: mb.__setitem__(0, 1))
t(lambda: m.__setitem__(slice(0, 2), b"xyz"))
