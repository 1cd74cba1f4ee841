def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for s in ["abc", "_x1", "1x", "", "a b", "é", "class", "x·y", "ℵ", "a-b", "Ⅻ", "x\u0301"]:
    print(repr(s), s.isidentifier(), s.isprintable(), s.isascii())
for s in ["abc", "a\tb", "", "é", "\x7f", " ", "\u2003", "\u00ad", "\U0001f600", "\u200b"]:
    print(repr(s), s.isprintable(), s.isspace())
for s in ["Hello World", "Hello world", "HELLO", "", "Hello1 World", "ǅ", "ǅa", "1", "A1b", "ǈemal Bar", "Σας"]:
    print(repr(s), s.istitle(), s.isupper(), s.islower())
for s in [" \t\n", "\x1c\x1d\x1e\x1f", "\u2003\u3000", "a ", "\x85", "\xa0", "\u200b"]:
    print(repr(s), s.isspace())
