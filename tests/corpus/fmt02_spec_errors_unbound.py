# A spec that does not parse names itself and the value's type; str.format reached unbound.
for v in (1, True, 1.5, "a", 1j, 10**30):
    try:
        format(v, "[]")
    except ValueError as e:
        print(e)
    try:
        print("{0:{1}}".format(v, "{}"))
    except ValueError as e:
        print(e)
for f in (lambda: str.format(), lambda: str.format_map(), lambda: str.upper(),
          lambda: list.append(), lambda: dict.update(), lambda: bytes.hex(),
          lambda: int.bit_length()):
    try:
        f()
    except TypeError as e:
        print(e)
print(str.format("{}-{}", 1, 2), str.format_map("{a}", {"a": 3}))
