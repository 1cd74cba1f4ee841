def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: bytearray(b"a") < bytearray(b"b"))
t(lambda: bytearray(b"a") < b"b")
t(lambda: b"a" < bytearray(b"b"))
t(lambda: bytearray(b"ab") >= b"ab")
t(lambda: sorted([bytearray(b"b"), bytearray(b"a"), bytearray(b"")]))
t(lambda: bytearray(b"ab") == bytearray(b"ab"))
t(lambda: bytearray(b"a") < "b")
t(lambda: {bytearray(b"a")})
for start in [-10, 0, 2, 3, 4, 10]:
    print(start, "abc".find("", start), "abc".rfind("", start), "abc".count("", start),
          "abc".startswith("", start), b"abc".find(b"", start), b"abc".count(b"", start),
          b"abc".endswith(b"", start), "abcabc".count("b", start), "abcabc".find("c", start))
print("%s|%r|%a" % ("é", "é", "é"), f"{'é'!a}", "{!a}".format("ü€"), "{0!r:>6}".format("x"))
print(ascii(["ü", b"\xfc"]), f"{['ü']!a:>12}")
