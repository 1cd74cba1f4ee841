def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("="), "abc".rpartition("="))
print("TestHook".removeprefix("Test"), "TestHook".removeprefix("X"), "TestHook".removesuffix("Hook"), "TestHook".removesuffix(""))
print("abc".startswith(("x", "a")), "abc".endswith("bc", 0, 2), "abc".endswith(("c", "z"), 1), "abc".startswith("", 3))
print("abcabc".find("c", 3), "abcabc".rfind("c", 0, 4), "abc".count(""), "aaa".count("aa"), "abcabc".index("b", 2))
print("aaaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "xxhixx".strip("x"), "  x\u3000".strip())
t(lambda: "abc".partition(""))
t(lambda: "abc".index("z"))
t(lambda: "abc".rindex("z"))
t(lambda: "abc".startswith(1))
t(lambda: "abc".removeprefix(1))
t(lambda: "a".join([1]))
