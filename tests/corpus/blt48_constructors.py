def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", "latin-1"), str(b"ab", encoding="ascii"), str(bytearray(b"x"), "ascii"))
print(int(" 42 "), int("1_000"), int("0x1f", 0), int("12", 16), float("  1e3 "), float("1_0.5"), float("-Infinity"))
print(bool(), bool(0), bool([0]), list(), tuple(), dict(), set(), frozenset(), str(), bytes(), bytearray())
t(lambda: int("4.2"))
t(lambda: int("z", 37))
t(lambda: int(1, 2))
t(lambda: float("x"))
t(lambda: float([]))
t(lambda: str(b"\xff", "utf-8"))
t(lambda: str(1, "utf-8"))
