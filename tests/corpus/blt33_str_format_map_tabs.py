def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: "{a}-{b}".format_map({"a": 1, "b": 2}))
t(lambda: "{a:>5}|{b:.2f}".format_map({"a": "x", "b": 3.14159}))
t(lambda: "{a}".format_map({}))
t(lambda: "{}".format_map({"a": 1}))
t(lambda: "a\tbc\td\n\tx".expandtabs())
t(lambda: "a\tbc\td".expandtabs(4))
t(lambda: "a\tb".expandtabs(0))
t(lambda: "a\tb".expandtabs(-3))
t(lambda: "12345678\tx\r\ty".expandtabs(tabsize=8))
t(lambda: "\t".expandtabs(2))
t(lambda: "a\tb".expandtabs("4"))
