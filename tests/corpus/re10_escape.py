import re

print(re.escape("http://example.com/a?b=1&c=[2]"))
print(re.escape("1+1=2"), re.escape("a b\tc"), re.escape("plain_word123"))
print(re.escape("~#&-"))
s = "price: $4.99 (sale)"
print(re.search(re.escape("$4.99"), s))
print(re.findall(re.escape("(") + r"(\w+)" + re.escape(")"), s))
