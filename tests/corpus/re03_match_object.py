import re

m = re.search(r"(?P<first>\w+) (?P<last>\w+)", "name: Ada Lovelace!")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("last"), m.group(1, "last", 0))
print(m[0], m[1], m["first"])
print(m.groups(), m.groupdict())
print(m.start(), m.end(), m.span(), m.start(2), m.end("first"), m.span("last"))
print(m.string, m.re, m.pos, m.endpos)
print(m.lastindex, m.lastgroup)
try:
    m.group(3)
except IndexError as e:
    print("IndexError:", e)
try:
    m["nope"]
except IndexError as e:
    print("IndexError:", e)
