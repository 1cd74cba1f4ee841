def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for s in ["42", "-42", "+42", "abc", "", "ñ"]:
    print(repr(s.zfill(5)), repr(s.center(7, "*")), repr(s.center(6, "-")), repr(s.ljust(5, ".")), repr(s.rjust(5, "é")))
print(repr("ab".center(5, "*")), repr("abc".center(8)), repr("abc".zfill(2)), repr("abc".center(2)))
t(lambda: "abc".center(6, "--"))
t(lambda: "abc".ljust(6, ""))
t(lambda: "abc".rjust("6"))
t(lambda: "abc".zfill("6"))
