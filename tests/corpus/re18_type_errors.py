import re

for call in [lambda: re.search("a", 5), lambda: re.compile(5), lambda: re.compile(re.compile("a"), re.I)]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
m = re.match("a", "a")
try:
    m.group(5)
except IndexError as e:
    print("IndexError:", e)
print(re.search("a", "") is None, re.match("", "") is not None)
