import re

print(re.findall(r"\b(\w+) \1\b", "this is is a test test ok"))
print(re.search(r"(?P<ch>\w)(?P=ch)", "abccd"))
print(re.findall(r"\w+(?=!)", "hi! there yes!"))
print(re.findall(r"\b(?!un)\w+", "undo redo unzip zip"))
print(re.findall(r"(?<=\$)\d+", "cost $30 or 40 or $5"))
print(re.findall(r"(?<!\$)\b\d+", "cost $30 or 40 or $5"))
print(re.sub(r"(\d)(?=(\d{3})+$)", r"\1,", "1234567"))
