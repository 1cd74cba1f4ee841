def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(b"abc".center(7, b"*"), b"abc".center(8), b"abc".ljust(5), b"abc".rjust(5, b"0"), b"abc".center(2))
print(b"42".zfill(5), b"-42".zfill(5), b"a\tb".expandtabs(4), b"a\tb\nc\td".expandtabs())
print(b"abc".translate(None, b"b"), b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"hello".translate(None))
t(lambda: bytes.maketrans(b"abc", b"xyz")[97:100])
t(lambda: len(bytes.maketrans(b"", b"")))
t(lambda: bytes.maketrans(b"ab", b"c"))
t(lambda: b"abc".translate(b"short"))
t(lambda: b"abc".center(7, "*"))
t(lambda: b"abc".center(7, b"**"))
t(lambda: b"abc".ljust("7"))
