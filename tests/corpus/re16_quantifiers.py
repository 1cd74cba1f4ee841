import re

html = "<b>bold</b><i>it</i>"
print(re.findall(r"<.*>", html), re.findall(r"<.*?>", html))
print(re.match(r"a{2,3}", "aaaa"), re.match(r"a{2,3}?", "aaaa"))
print(re.findall(r"a{,2}", "aaaaa"), re.findall(r"\d{2}", "12345"))
print(re.findall(r"{x}", "{x} a{ b}"), re.match(r"x{", "x{"))
print(re.match(r"(ab)+", "ababab").groups(), re.match(r"(?:ab)+", "ababx"))
print(re.findall(r"colou?r", "color colour colouur"))
