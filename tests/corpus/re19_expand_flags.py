import re

m = re.match(r"(?P<user>\w+)@(?P<host>[\w.]+)", "ada@example.org")
print(m.expand(r"user=\1 host=\g<host> all=\g<0>"))
print(m.expand(r"\g<2>:\g<user>"))
print(re.I, re.M, re.S, re.X, re.A, re.U)
print(re.I | re.M, int(re.I | re.M), re.IGNORECASE == 2, re.NOFLAG)
print(re.DOTALL | re.VERBOSE | re.ASCII)
print(repr(re.I), isinstance(re.I, int))
print(re.I | re.A, re.M | re.X | re.S, re.L | re.I, re.RegexFlag(1024), re.RegexFlag(2 | 1024))
print(re.compile("a", re.A | re.I), re.compile("a", re.S | re.M | re.X))
