def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: b"%d-%s-%r" % (1, b"x", b"y"))
t(lambda: b"%5.2f|%x|%c|%c" % (3.14159, 255, 65, b"B"))
t(lambda: b"%s" % "str")
t(lambda: b"%b|%-6b|%6s|%.2s" % (b"ab", b"cd", bytearray(b"ef"), memoryview(b"ghi")))
t(lambda: bytearray(b"%d") % 5)
t(lambda: b"%(a)s=%(b)d" % {b"a": b"key", b"b": 7})
t(lambda: b"%a|%r" % ("é", b"\xff"))
t(lambda: b"%05d|%+d|%#x|%o|%e|%g|%%" % (42, 5, 255, 8, 12345.678, 0.00001))
t(lambda: b"%d %d" % (1,))
t(lambda: b"%d" % (1, 2))
t(lambda: b"%q" % 1)
t(lambda: b"%c" % 256)
t(lambda: b"%c" % "a")
t(lambda: b"%*d|%-*d|" % (5, 1, 4, 2))
t(lambda: b"%(a)s" % (1,))
t(lambda: b"\xff%s\x00" % b"\xfe")
t(lambda: b"%s" % 5)
t(lambda: b"%d" % "x")
