import re

def double(m):
    return str(int(m.group()) * 2)

print(re.sub(r"\d+", double, "3 apples and 12 pears"))
print(re.sub(r"[aeiou]", lambda m: m.group().upper(), "multiprocessing"))
print(re.subn(r"o", "0", "foo boo"))
print(re.subn(r"\s+", " ", "a   b \t c"))
p = re.compile(r"(\w)(\w*)")
print(p.sub(lambda m: m.group(1).upper() + m.group(2), "the quick fox"))
print(p.subn(lambda m: "", "a b", 1))
