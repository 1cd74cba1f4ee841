import re

print(re.match(r"\d+", "123abc"))
print(re.match(r"\d+", "abc123"))
print(re.search(r"\d+", "abc123def"))
print(re.search(r"z", "abc"))
print(re.fullmatch(r"[a-z]+", "hello"), re.fullmatch(r"[a-z]+", "hello!"))
print(re.fullmatch(r"a|ab", "ab"))
p = re.compile(r"o")
print(p.search("hello world", 5), p.match("hello world", 4), p.match("hello world", 5))
print(p.search("hello world", 0, 4), p.fullmatch("xox", 1, 2))
if re.search("ell", "hello"):
    print("found")
print(bool(re.match("a", "a")))
