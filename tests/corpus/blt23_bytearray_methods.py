def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


ba = bytearray(b"Hello, World")
print(ba.upper(), ba.lower(), ba.split(b", "), ba.replace(b"l", b"L"))
print(ba.find(b"o"), ba.count(b"l"), ba.startswith(b"He"), ba.decode(), ba.hex(":"))
print(ba.strip(b"Hd"), ba.partition(b", "), ba.center(16, b"*"))
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"abc") != b"abd")
print(bytearray(b"abc") + b"d", b"ab" + bytearray(b"c"), type(b"ab" + bytearray(b"c")).__name__)
print(98 in bytearray(b"abc"), b"bc" in bytearray(b"abc"), bytearray(b"bc") in b"abc")
print(bytes(bytearray(b"xy")), bytearray(bytearray(b"z")), isinstance(bytearray(), bytearray))
print(bytearray(b"a-b").split(b"-")[0], type(bytearray(b"a-b").split(b"-")[0]).__name__)
print(b"-".join([bytearray(b"a"), b"b"]), bytearray(b"-").join([b"x", b"y"]))
