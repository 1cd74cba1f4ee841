import re

for m in re.finditer(r"(\w+)@(\w+)\.com", "ann@mail.com, bo@site.com"):
    print(m.span(), m.group(1), m.group(2))
it = re.finditer(r"\d", "a1b2")
print(next(it))
print([m.group() for m in it])
print([m.span() for m in re.finditer(r"", "abc")])
print([m.start() for m in re.finditer("ab", "ababab")])
