import re

# A compiled pattern remembers its text, flags, groups and names.
p = re.compile(r"(?P<key>\w+)=(?P<value>\d+)")
print(p)
print(p.pattern, p.flags, p.groups, p.groupindex)
q = re.compile("a+", re.IGNORECASE)
print(q, q.flags)
print(re.compile("x", re.I | re.M | re.S))
print(re.compile(r"\d", re.A), re.compile(r"\d", re.A).flags)
print(re.compile("(?i)abc").flags, re.compile("(?s)a.b").flags)
print(re.compile("abc") is re.compile("abc"), re.compile("abc") == re.compile("abc"))
print(re.compile(q) is q)
