def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print("a b c d".rsplit(" ", 2), "a b  c d".rsplit(None, 1), "  a b c  ".rsplit(maxsplit=1))
print("a,b,c".rsplit(",", maxsplit=1), "a,b,c".split(",", 1), "a,,b".split(","), ",a,".rsplit(","))
print("  a  b  ".split(), "  a  b  ".split(None, 1), "  a  b  ".rsplit(None, 0), "a\x1cb\x1dc".split())
print("a\u3000b\u2003c".split(), "a\u200bb".split(), " x ".split(" "), "".split(), "".split(","))
print("aXbXc".split("X", 0), "aXbXc".rsplit("X", -1), "abc".split("abc"), "a b".split(maxsplit=-5))
t(lambda: "a,b".split(""))
t(lambda: "a,b".rsplit(""))
t(lambda: "a,b".split(1))
t(lambda: "a b".split(None, "1"))
