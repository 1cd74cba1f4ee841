import re

print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world, good day"))
print(re.sub(r"(?P<y>\d{4})-(?P<m>\d\d)", r"\g<m>/\g<y>", "2024-05 and 1999-12"))
print(re.sub(r"\d+", r"<\g<0>>", "a1b22"))
print(re.sub(r"a", r"\n", "bab").split("\n"))
print(re.sub(r"(a)", r"\1\\", "a"))
print(re.sub(r"x", "-", "xaxbx", count=2))
print(re.sub(r"x*", "-", "abxd"))
print(re.sub(r"(b)?a", r"[\1]", "aba"))
print(re.sub("", "-", "abc"))
