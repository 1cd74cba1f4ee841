import re

text = "first line\nsecond line\nthird"
print(re.findall(r"^\w+", text))
print(re.findall(r"^\w+", text, re.M))
print(re.findall(r"\w+$", text), re.findall(r"\w+$", text, re.MULTILINE))
print(re.search(r"d$", "end\n"), re.search(r"d\Z", "end\n"), re.search(r"\Aend", "end"))
print(re.findall(r"(?m)^s\w+", text))
print(re.search(r"$", "ab\n").span(), re.findall(r"$", "a\nb\n", re.M))
