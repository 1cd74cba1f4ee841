import re

m = re.match(r"(a)(b)?(c)?", "ac")
print(m.groups(), m.groups("-"), m.group(2), m.span(2), m.start(2))
m = re.match(r"(?P<x>x)?(?P<y>y)", "y")
print(m.groupdict(), m.groupdict(0))
print(re.match(r"((a)b)", "ab").lastindex, re.match(r"(a)(b)", "ab").lastindex)
print(re.match(r"(a)|(b)", "b").lastindex, re.match(r"a", "a").lastindex)
print(re.match(r"(?P<w>a)(?P<z>b)", "ab").lastgroup)
