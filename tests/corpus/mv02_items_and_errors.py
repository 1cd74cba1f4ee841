def t(f):
    try:
        r = f()
        print(repr(r) if not isinstance(r, memoryview) else ("mv", r.format, r.itemsize, r.ndim, r.shape, r.strides, r.nbytes, r.readonly, r.tolist()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
b = bytes(range(1, 17))
m = memoryview(b)
for c in "xcbB?hHiIlLqQnNfdeP sp":
    print(repr(c), end=" ")
    t(lambda: m.cast(c))
for c in ["@B", "@c", "<B", "!B", ">h", "2B", "BB", "@@B"]:
    print(repr(c), end=" ")
    t(lambda: m.cast(c))
m2 = memoryview(bytearray(b"abcd"))
def d():
    del m2[0]
t(d)
def d2():
    del m[0:1]
t(d2)
def d3():
    del m[0]
t(d3)
h = m2.cast("h")
def s1():
    h[0] = 0x4142
    return m2.tobytes()
t(s1)
def s2():
    h[0] = 70000
t(s2)
def s3():
    h[0] = 1.5
t(s3)
def s4():
    h[0] = b"ab"
t(s4)
def s5():
    h[0:1] = b"zz"
t(s5)
def s6():
    h[0:1] = memoryview(b"zz").cast("h")
    return m2.tobytes()
t(s6)
c = m2.cast("c")
def s7():
    c[0] = b"Q"
    return m2.tobytes()
t(s7)
def s8():
    c[0] = 81
t(s8)
def s9():
    c[0] = b"QQ"
t(s9)
q = m2.cast("?")
def s10():
    q[0] = 0
    return m2.tobytes()
t(s10)
def s11():
    q[1] = "x"
    return m2.tobytes()
t(s11)
f = memoryview(bytearray(8)).cast("d")
def s12():
    f[0] = 1.5
    return f.tolist(), f.obj
t(s12)
def s13():
    f[0] = 3
    return f.tolist()
t(s13)
def s14():
    f[0] = "x"
t(s14)
t(lambda: memoryview(bytearray(8)).cast("f")[0])
bb = memoryview(bytearray(4)).cast("b")
def s15():
    bb[0] = -1
    bb[1] = 200
t(s15)
two = m2.cast("B", shape=[2, 2])
def s16():
    two[0, 1] = 5
    return m2.tobytes()
t(s16)
def s17():
    two[0] = 5
t(s17)
t(lambda: two[0, 5])
t(lambda: two[0, -1])
t(lambda: two[1.0])
t(lambda: two["a"])
t(lambda: two[0, 0, 0])
t(lambda: m2[0, 0])
t(lambda: m2[...])
t(lambda: two[...])
t(lambda: two.hex())
t(lambda: two.tobytes())
t(lambda: two.toreadonly().tolist())
t(lambda: two.toreadonly().shape)
t(lambda: memoryview(two).shape)
t(lambda: len(two))
t(lambda: memoryview(b"").cast("B", shape=[]).tolist())
t(lambda: memoryview(b"a").cast("B", shape=[]).tolist())
t(lambda: memoryview(b"a").cast("B", shape=[]).shape)
t(lambda: memoryview(b"a").cast("B", shape=[])[()])
t(lambda: len(memoryview(b"a").cast("B", shape=[])))
t(lambda: memoryview(b"ab").cast("B", shape=[]))
t(lambda: m.cast("B", shape=[2, 8]).cast("B", shape=[4, 4]))
t(lambda: m.cast("I", shape=[2, 2]))
t(lambda: m.cast(format="I", shape=[2, 2]))
t(lambda: m.cast("I", [2, 2], 3))
t(lambda: m.cast("I", foo=1))
t(lambda: m.cast("B", shape=[2.0, 8]))
t(lambda: m.cast("B", shape=["a"]))
t(lambda: m.cast("I").cast("I"))
t(lambda: m.cast("I").cast("c"))
t(lambda: m.cast("c").cast("I"))
t(lambda: m.cast("c").cast("b"))
t(lambda: [x for x in dir(memoryview) if not x.startswith("__")])
t(lambda: m.toreadonly(1))
t(lambda: m.cast("h").count(1))
t(lambda: m.cast("h").index(1))
t(lambda: m.cast("B", shape=[2, 8]).c_contiguous)
t(lambda: m.cast("B", shape=[2, 8]).f_contiguous)
t(lambda: m.cast("B", shape=[1, 16]).f_contiguous)
t(lambda: m.cast("B", shape=[16, 1]).f_contiguous)
t(lambda: m.cast("B", shape=[2, 8]).suboffsets)
t(lambda: m[::2].f_contiguous)
t(lambda: m[:0].c_contiguous)
t(lambda: m[:0].strides)
t(lambda: m[5:5:2].contiguous)
t(lambda: m.cast("h")[::2].strides)
t(lambda: m.cast("h")[::2].tolist())
t(lambda: m.cast("h")[::2].nbytes)
t(lambda: m.cast("h")[::2].tobytes())
t(lambda: memoryview(m.cast("h")).format)
t(lambda: m.cast("h").obj is b)
t(lambda: iter(m.cast("B", shape=[2, 8])))
t(lambda: m.cast("h") == m.cast("H"))
t(lambda: memoryview(b"\xff\xff").cast("h") == memoryview(b"\xff\xff").cast("H"))
t(lambda: memoryview(bytearray(4)).cast("f") == memoryview(bytearray(4)).cast("i"))
t(lambda: memoryview(b"\x00\x00\xc0\x7f").cast("f") == memoryview(b"\x00\x00\xc0\x7f").cast("f"))
t(lambda: (lambda v: v == v)(memoryview(b"\x00\x00\xc0\x7f").cast("f")))
t(lambda: m.cast("h") != m.cast("h"))
t(lambda: m == [1])
t(lambda: m.cast("h").tolist() == memoryview(bytearray(b)).cast("h").tolist())
