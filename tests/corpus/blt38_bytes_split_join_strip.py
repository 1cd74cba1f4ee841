def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = b"Hello, World"
print(b.split(b", "), b" a  b ".split(), b"a,b,c".rsplit(b",", 1), b"a,b,c".split(b",", maxsplit=1))
print(b"  a  b  ".rsplit(None, 1), b"a\x1cb".split(), b"a\x0bb\x0cc".split(), b"".split(), b"".split(b","))
print(b"-".join([b"a", b"b"]), b"".join([]), b", ".join([b"x", bytearray(b"y"), memoryview(b"z")]))
print(b"  x  ".strip(), b"xxyxx".lstrip(b"x"), b"xxyxx".rstrip(b"x"), b"\t\nx\x0b".strip(), b"abcba".strip(b"ab"))
print(b"a\nb\r\nc\rd".splitlines(), b"a\nb\r\nc".splitlines(keepends=True), b"a\x0bb\x1cc".splitlines())
print(b"a=b".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x"), b"abc".rpartition(b"x"))
t(lambda: b"-".join([b"a", "b"]))
t(lambda: b"a b".split(" "))
t(lambda: b"a b".split(b""))
t(lambda: b"x".strip("x"))
t(lambda: b"x".partition(b""))
