def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for b in [b"it's", b'say "hi"', b'it\'s "x"', b"\t\n\r\x00\x7f\x80\\", b"", b"'", b'"', b"\xff" * 3, bytes(range(0, 256, 17))]:
    print(repr(b), str(b), ascii(b), repr(bytearray(b)))
print([b"a", bytearray(b"b")], {b"k": b"v"})
