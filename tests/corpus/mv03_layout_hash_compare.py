def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


m = memoryview(bytes(16))
for v in (m[5:5:2], m[5:6:3], m[::2], m.cast("B", shape=[2, 8])[0:1],
          m.cast("B", shape=[2, 8])[::2], m.cast("B", shape=[2, 8])[1:1]):
    print(v.shape, v.strides, v.c_contiguous, v.f_contiguous, v.contiguous, v.nbytes)
z = memoryview(b"a").cast("B", shape=[])
print(z.strides, z.c_contiguous, z.ndim, len(z))
two = memoryview(b"abcd").cast("B", shape=[2, 2])
print(two.tobytes("F"), two.tobytes("A"), two.tobytes("C"))
print(two.tolist(), two[::-1].tolist(), two[::-1].strides)
print(memoryview.ndim, memoryview.shape, memoryview.contiguous)
m2 = memoryview(bytearray(b"abcd"))
m2[1:3] = memoryview(b"XYZW")[::2]
print(m2.tobytes())
m2[0:3] = m2[1:4]
print(m2.tobytes())


def s1():
    m2[0:2] = memoryview(b"ab").cast("B", shape=[1, 2])


def s2():
    m2[0:2] = [1, 2]


def s3():
    two[0:1] = b"ab"


w = memoryview(bytearray(b"abcd")).cast("B", shape=[2, 2])


def s4():
    w[0:1] = b"ab"


def s5():
    w[0] = 1


def s6():
    w[0:1, 0:1] = b"a"


def s7():
    del w[0, 0]


for f in (s1, s2, s3, s4, s5, s6, s7):
    t(f)
t(lambda: w[0, "a"])
t(lambda: memoryview(bytearray(b"abcd"))[10**20])
t(lambda: w[0, 0:1])
t(lambda: w[0:1, 0:1])
t(lambda: memoryview(b"ab").cast("c").tobytes())
t(lambda: memoryview(b"ab").cast("c").hex())
t(lambda: (memoryview(b"ab") == bytearray(b"ab"), memoryview(b"ab") == "ab",
           memoryview(b"ab").cast("c") == b"ab"))
t(lambda: z[0])
t(lambda: z[...] is z)
t(lambda: list(z))
t(lambda: z.tolist())
t(lambda: z.tobytes())
t(lambda: z == 97)
t(lambda: z == memoryview(b"a").cast("B", shape=[]))
t(lambda: z[()])
mb = memoryview(b"abcd")
t(lambda: hash(mb) == hash(b"abcd"))
t(lambda: hash(mb[::2]) == hash(b"ac"))
t(lambda: hash(mb.cast("c")) == hash(b"abcd"))
t(lambda: hash(mb.cast("b")) == hash(b"abcd"))
t(lambda: hash(mb.cast("h")))
t(lambda: hash(memoryview(bytearray(b"ab"))))
t(lambda: hash(memoryview(bytearray(b"ab")).toreadonly()))
t(lambda: {mb: 1}[b"abcd"])
t(lambda: {b"abcd": 2}[mb])
t(lambda: mb in {b"abcd"})
t(lambda: len({mb, b"abcd", memoryview(b"abcd")}))


def rel():
    x = memoryview(b"ab")
    x.release()
    return hash(x)


t(rel)
big = memoryview(bytearray(16)).cast("Q")


def s8():
    big[0] = 2**64 - 1
    big[1] = -1


t(s8)
t(lambda: big.tolist())
t(lambda: memoryview(bytearray(16)).cast("q").tolist())
