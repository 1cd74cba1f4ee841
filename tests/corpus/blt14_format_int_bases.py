def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for spec in ["x", "X", "o", "b", "#x", "#X", "#o", "#b", "08b", "#010x", "_x", "_b", "#_o", "^+#012_x", "c", "d", "n"]:
    print(repr(spec), repr(format(255, spec)), repr(format(-255, spec)) if spec != "c" else "")
print(format(2**70, "x"), format(2**70, "#o"), format(-(2**70), "_b")[:20])
t(lambda: format(65, "c"))
t(lambda: format(0x110000, "c"))
t(lambda: format(65, "+c"))
t(lambda: format(65, "#c"))
t(lambda: format(2**70, "c"))
