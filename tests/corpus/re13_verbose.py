import re

phone = re.compile(r"""
    (\d{3})     # area code
    [-\s]?      # optional separator
    (\d{4})     # number
""", re.VERBOSE)
print(phone.findall("call 555-1234 or 555 9876 or 5551111"))
print(phone.flags, phone)
print(re.match(r"(?x) a b c  # spaces ignored", "abc"))
print(re.match(r"a[ ]b", "a b", re.X))
