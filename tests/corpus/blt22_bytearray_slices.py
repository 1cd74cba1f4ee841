def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


ba = bytearray(b"abcdefgh")
print(ba[0], ba[-1], ba[1:4], ba[::-1], ba[::3])
ba[0] = 65
ba[-1] = 72
print(ba)
ba[1:3] = b"XYZ"
print(ba)
ba[2:2] = [49, 50]
print(ba)
ba[::2] = b"\x00" * len(ba[::2])
print(ba)
del ba[0]
del ba[1:3]
del ba[::2]
print(ba)
b2 = bytearray(b"abc")
b2 += b"def"
b2 += bytearray(b"!")
print(b2, b2 * 2, 2 * bytearray(b"ab"))
t(lambda: bytearray(b"abc").__setitem__(0, 300))
t(lambda: bytearray(b"abc").__setitem__(slice(0, 3, 2), b"xyz"))
t(lambda: bytearray(b"abc").__setitem__(slice(0, 1), 5))
t(lambda: bytearray(b"abc")["x"])
