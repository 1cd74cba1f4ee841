import re

print(re.split(r"\s*,\s*", "a , b,c ,  d"))
print(re.split(r"(,)", "a,b,c"))
print(re.split(r"(-)|(\+)", "1-2+3"))
print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", 1))
print(re.split(r"\W+", "Words, words, words.", maxsplit=2))
print(re.split(r"x*", "axbc"))
print(re.split(r"\b", "hi you"))
print(re.split(r"[0-9]", "no digits"))
print(re.compile(r";").split("a;b;;c"))
