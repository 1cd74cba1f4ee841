def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for s in ["123", "½", "²", "٣", "", "1.5", "Ⅻ", "一", "①", "𝟘", "abc", "a1", "٣٤", "-1", " 1", "⅕", "〇"]:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum(), s.isalpha())
