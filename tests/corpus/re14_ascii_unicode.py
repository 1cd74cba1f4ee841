import re

s = "naïve café ١٢٣ 42"
print(re.findall(r"\w+", s))
print(re.findall(r"\w+", s, re.ASCII))
print(re.findall(r"\d+", s), re.findall(r"\d+", s, re.A))
print(re.findall(r"(?a)\w+", "über"))
print(re.search("é+", "cafééé"), len("cafééé"))
print(re.sub(r"\s+", "_", "a\u00a0b c"), re.sub(r"\s+", "_", "a\u00a0b c", flags=re.A))
