def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: b"caf\xc3\xa9".decode())
t(lambda: b"caf\xc3\xa9".decode("utf-8"))
t(lambda: b"caf\xc3\xa9".decode("UTF_8"))
t(lambda: b"caf\xe9".decode())
t(lambda: b"caf\xe9!".decode())
t(lambda: b"\xff\xfe".decode())
t(lambda: b"\xe2\x82".decode())
t(lambda: b"\xe2\x82x".decode())
t(lambda: b"caf\xe9".decode("utf-8", errors="replace"))
t(lambda: b"caf\xe9".decode("utf-8", "ignore"))
t(lambda: b"caf\xe9".decode("utf-8", "backslashreplace"))
t(lambda: b"a\xe2\x82b\xffc".decode("utf-8", "replace"))
t(lambda: b"caf\xe9".decode("latin-1"))
t(lambda: b"caf\xe9".decode("iso-8859-1"))
t(lambda: b"caf\xe9".decode("ascii"))
t(lambda: b"caf\xe9\xea".decode("ascii", "replace"))
t(lambda: b"abc".decode("ascii"))
t(lambda: b"abc".decode("nope"))
t(lambda: b"\xff".decode("utf-8", "bogus"))
t(lambda: b"abc".decode("utf-8", "bogus"))
t(lambda: b"abc".decode(encoding=1))
