def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = b"Hello, World"
print(b[0], b[-1], b[1:4], b[::-1], b[::3], b[100:], len(b))
print(list(b"abc"), [x for x in b"hi"], tuple(b"\x00\xff"), sum(b"abc"), max(b"abc"))
print(108 in b, b"llo" in b, b"" in b, 300 in b"" if False else "-", bytearray(b"ld") in b)
print(b"ab" + b"cd", b"ab" * 3, 2 * b"ab", b"ab" * 0, b"ab" * -1)
print(b"abc" < b"abd", b"abc" == b"abc", b"abc" == "abc", b"" < b"a", sorted([b"b", b"a", b"ab"]))
print(bytes(3), bytes([65, 66]), bytes(b"x"), bytes(bytearray(b"y")), bytes(range(3)), bytes())
t(lambda: b[100])
t(lambda: 300 in b)
t(lambda: "l" in b)
t(lambda: b"ab" + "cd")
t(lambda: b"ab" + 1)
t(lambda: bytes([256]))
t(lambda: bytes([-1]))
t(lambda: bytes(-1))
t(lambda: b["x"])
