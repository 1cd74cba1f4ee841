def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = b"Hello, World \xe9"
print(b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize())
print(b"hello world's 3rd".title(), b"HELLO".capitalize())
for x in [b"123", b"abc", b"ab1", b"", b" \t", b"ABC", b"Ab Cd", b"\xe9", b"a\x80"]:
    print(x, x.isdigit(), x.isalpha(), x.isalnum(), x.isspace(), x.isupper(), x.islower(), x.istitle(), x.isascii())
t(lambda: b"a".upper(1))
