def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for spec in ["e", "E", ".3e", ".0e", "12.2e", "g", "G", ".3g", ".10g", "n", ".2n", ".1g", "", ".3", ".10"]:
    print(repr(spec), repr(format(1234567.0, spec)), repr(format(0.00001234, spec)), repr(format(1e16, spec)), repr(format(100.0, spec)))
print(repr(format(0.0001, "g")), repr(format(0.00001, "g")), repr(format(1e22, "")), repr(format(123456789.0, "g")))
print(repr(format(float("inf"), "E")), repr(format(float("nan"), "G")), repr(format(2**70, "e")), repr(format(12, "g")))
