def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: ascii("héllo wörld €"))
t(lambda: ascii("\U0001f600"))
t(lambda: ascii(["é", "a", ("ü",)]))
t(lambda: ascii({"ключ": "значение"}))
t(lambda: ascii(b"\xff"))
t(lambda: ascii(1.5))
t(lambda: ascii("it's"))
t(lambda: ascii("\x00\t\u2028"))
t(lambda: ascii())
print(ascii("naïve"), repr("naïve"))
