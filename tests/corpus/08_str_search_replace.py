# strip, replace, find/rfind/index, count, startswith/endswith.
s = "  ..hello world..  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr(s.strip(" .")), repr("xxhixx".strip("x")), repr("abcba".strip("ab")))
t = "banana"
print(t.replace("a", "o"), t.replace("a", "o", 2), t.replace("na", ""), t.replace("x", "y"))
print(t.find("an"), t.find("an", 2), t.rfind("an"), t.find("x"), t.find(""))
print(t.index("n"), t.rindex("n"), t.count("a"), t.count("an"), t.count(""))
print(t.startswith("ba"), t.startswith("na", 2), t.endswith("na"), t.startswith(("x", "b")))
print(t.endswith(("x", "y")), "".startswith(""))
try:
    t.index("z")
except ValueError as e:
    print("ValueError:", e)
print("Mississippi".count("ss"), "aaaa".count("aa"))
print("hello".replace("", "-"))
