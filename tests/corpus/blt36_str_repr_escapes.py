def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for s in ["\u2003", "\u00ad", "\x85", "\xa0", "é", "\u200b", "\U0001f600", "\U000e0001", "\ud7ff", "tab\there", "it's", 'say "hi"', "both ' and \"", "\\", "\x7f\x80\x9f", "\u2028\u2029", "中文"]:
    print(repr(s), ascii(s), len(repr(s)))
print(["\u2003", "é"], ("\x00",), {"\u3000": 1})
