def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: "café".encode())
t(lambda: "café".encode("utf-8"))
t(lambda: "café".encode("latin-1"))
t(lambda: "café".encode("ascii"))
t(lambda: "caféé€".encode("ascii"))
t(lambda: "café€".encode("latin-1"))
t(lambda: "café".encode("ascii", "replace"))
t(lambda: "café€".encode("ascii", errors="ignore"))
t(lambda: "café€😀".encode("ascii", "backslashreplace"))
t(lambda: "x".encode("nope"))
t(lambda: "é".encode("ascii", "bogus"))
t(lambda: bytes("héllo", "utf-8"))
t(lambda: bytes("héllo", "latin-1"))
t(lambda: bytes("héllo", "ascii"))
t(lambda: bytes("x"))
t(lambda: "€".encode().decode())
