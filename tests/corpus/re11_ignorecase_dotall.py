import re

print(re.findall(r"python", "Python PYTHON python", re.IGNORECASE))
print(re.findall(r"(?i)python", "Python PYTHON"))
print(re.match(r"a.c", "a\nc"), re.match(r"a.c", "a\nc", re.DOTALL))
print(re.match(r"(?s)a.c", "a\nc"))
print(re.search(r"[a-z]+", "ABC def", re.I))
print(re.findall(r"(?i:ab)c", "ABc ABC abc"))
