def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


s = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
print(s.splitlines())
print(s.splitlines(keepends=True))
print((s + "\n").splitlines(True))
print("a\n\nb\n".splitlines(), "a\n\nb\n".splitlines(True))
print("".splitlines(), "\n".splitlines(), "\r\n\r".splitlines(True), "x".splitlines())
print("one\ntwo".splitlines(1), "one\ntwo".splitlines(0))
t(lambda: "a".splitlines(1, 2))
t(lambda: "a".splitlines(keep=True))
