# string: the constants, capwords, and Template (substitute, safe_substitute, invalid placeholders with their line and column, identifiers, another delimiter).
import string
from string import Template
print(repr(string.whitespace), string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.printable), len(string.printable))
print(string.capwords("hello   wORLD  of python"), string.capwords("a-b-c", "-"), string.capwords(" x "))
t = Template("$who likes ${what}; costs $$5 and $who again")
print(t.substitute(who="Tim", what="kung pao"), t.substitute({"who": "Ann", "what": "tea"}, what="coffee"))
print(t.safe_substitute(who="Bo"), t.template, t.get_identifiers(), t.is_valid())
for bad in ["Give $ now", "line one\n  cost: $5", "${broken", "ok $"]:
    tt = Template(bad)
    try:
        tt.substitute(x=1)
    except ValueError as e:
        print(repr(bad), e)
    print(tt.safe_substitute(), tt.is_valid(), tt.get_identifiers())
try:
    Template("$missing").substitute()
except KeyError as e:
    print("KeyError", e)
print(Template("$a$b${c}d").substitute(a=1, b=2.5, c=[3]))
class P(Template):
    delimiter = "%"
print(P("%x and %%").substitute(x="X"))
