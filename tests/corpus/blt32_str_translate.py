def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: str.maketrans("abc", "xyz"))
t(lambda: str.maketrans({"a": "1", 98: None, "c": 100}))
t(lambda: str.maketrans("ab", "cd", "e"))
t(lambda: "".maketrans("a", "b"))
t(lambda: "abcde".translate(str.maketrans("abc", "xyz", "e")))
t(lambda: "abc".translate({97: "AA", 98: None, 99: 100}))
t(lambda: "hello".translate({ord("l"): "L"}))
t(lambda: "abc".translate([120, 121]))
t(lambda: "abc".translate({97: 1.5}))
t(lambda: "abc".translate({97: -1}))
t(lambda: str.maketrans("ab", "c"))
t(lambda: str.maketrans({"ab": 1}))
t(lambda: str.maketrans({1.5: 1}))
t(lambda: str.maketrans(1))
t(lambda: str.maketrans(1, "a"))
t(lambda: str.maketrans("a", "b", 3))
t(lambda: str.maketrans())
