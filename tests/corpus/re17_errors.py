import re

for bad in ["(ab", "ab)", "*a", "a**", "[ab", r"\q", "(?P=x)", "a(?i)", "(?P<1a>x)", "a{", r"(?P<n>a)(?P<n>b)"]:
    try:
        re.compile(bad)
        print("compiled", repr(bad))
    except re.error as e:
        print(type(e).__name__, "|", e, "|", e.msg, e.pos, e.pattern == bad)
try:
    re.compile("(a\nb")
except re.error as e:
    print(e, e.lineno, e.colno)
print(issubclass(re.error, Exception))
try:
    re.sub("a", r"\2", "a")
except re.error as e:
    print(e)
try:
    re.sub("(a)", r"\g<x>", "a")
except IndexError as e:
    print("IndexError:", e)
try:
    re.sub("a", r"\d", "a")
except re.error as e:
    print(e)
