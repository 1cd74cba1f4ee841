import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
for s in ["a@b.co", "bad@", "x.y+z@mail.example.org", "no at sign", "a@b"]:
    print(repr(s), bool(EMAIL.fullmatch(s)))
DATE = re.compile(r"(\d{4})-(0[1-9]|1[0-2])-(\d{2})")
for s in ["2024-02-29", "2024-13-01", "24-01-01"]:
    m = DATE.fullmatch(s)
    print(s, m.groups() if m else None)
HEX = re.compile(r"#?([0-9a-f]{6}|[0-9a-f]{3})", re.I)
print([bool(HEX.fullmatch(s)) for s in ["#fff", "A0B1C2", "#12", "ggg"]])
