def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for spec in ["", "f", "F", ".0f", ".1f", ".2f", ".10f", "10.3f", "<10.2f", "^12.3f", "+.2f", " .2f", "010.2f", "%", ".0%", ".1%", "8.2%"]:
    print(repr(spec), repr(format(3.14159, spec)), repr(format(-0.000123, spec)), repr(format(1234.5, spec)))
print(repr(format(float("inf"), "010.2f")), repr(format(float("nan"), "+f")), repr(format(float("-inf"), "F")), repr(format(float("nan"), "F")))
print(repr(format(float("inf"), "%")), repr(format(12, ".3f")), repr(format(12, "%")), repr(format(True, ".1f")))
