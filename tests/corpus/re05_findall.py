import re

text = "Alice 30, Bob 25, Carol 41"
print(re.findall(r"\d+", text))
print(re.findall(r"([A-Z])\w+ (\d+)", text))
print(re.findall(r"([A-Z]\w+)", text))
print(re.findall(r"(\w+) (?:\d+)", text))
print(re.findall(r"x*", "axb"))
print(re.findall(r"(a)|(b)", "ab"))
print(re.findall(r"\bthe\b", "the other the", re.I))
print(re.compile(r"\w").findall("abcdef", 2, 4))
