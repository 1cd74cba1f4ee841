def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for s in ["Straße", "ǅemal ǆx Ǆ", "hello world's o'neil 3rd", "hELLO wORLD", "ﬁne ﬂag", "İstanbul", "ΣΑΣ ΟΔΟΣ", "ǈ ǉ Ǉ", "ß", "123abc", "", "MiXeD cAsE"]:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.casefold()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
t(lambda: "a".upper(1))
t(lambda: "a".casefold(x=1))
