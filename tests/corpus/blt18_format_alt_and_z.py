def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for spec in ["#", "#.0f", "#.0e", "#.0%", "#g", "#.3g", "#.1g", "#.0", "#10.0f", "z", "z.1f", "z.0f", "z.2e", "+z.1f", "z%"]:
    print(repr(spec), repr(format(1234.0, spec)), repr(format(-0.0001, spec)), repr(format(255.0, spec)), repr(format(-0.0, spec)))
t(lambda: format(12, "z"))
t(lambda: format("x", "z"))
t(lambda: format(1e-7, "#"))
