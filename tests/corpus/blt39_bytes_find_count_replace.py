def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = b"Hello, World"
print(b.find(b"o"), b.find(111), b.rfind(b"o"), b.find(b"o", 5), b.rfind(b"o", 0, 5), b.find(b"zz"))
print(b.count(b"l"), b.count(108), b.count(b""), b.index(b"W"), b.rindex(108))
print(b.startswith(b"He"), b.startswith((b"x", b"H")), b.endswith(b"ld"), b.endswith(b"o", 0, 5))
print(b.replace(b"l", b"L"), b.replace(b"l", b"L", 1), b"abc".replace(b"", b"-"), b"aaa".replace(b"a", b""))
print(b.removeprefix(b"Hello"), b.removesuffix(b"World"), b.removeprefix(b"x"))
t(lambda: b.index(b"z"))
t(lambda: b.rindex(b"z"))
t(lambda: b.find("o"))
t(lambda: b.count(300))
t(lambda: b.startswith("He"))
t(lambda: b.startswith((b"x", "H")))
t(lambda: b.replace("l", "L"))
