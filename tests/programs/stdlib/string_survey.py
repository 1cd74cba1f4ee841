# string: which names exist, and what each gives for sample inputs.
import string
for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
             "octdigits", "punctuation", "printable", "whitespace", "capwords", "Template"]:
    print(name, hasattr(string, name), repr(getattr(string, name, None)) if name[0].islower() and name != "capwords" else "")
print(string.capwords("hello   world"), string.capwords("a-b", "-"))
t = string.Template("$a and ${b} cost $$1")
print(t.substitute(a=1, b=2), t.safe_substitute(a=1), t.get_identifiers(), t.is_valid())
