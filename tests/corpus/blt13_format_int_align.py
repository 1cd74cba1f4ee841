def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for spec in ["", "10", "<10", ">10", "^10", "*^10", "=10", "+", "-", " ", "+10", "=+10", "010", "+010", "-^9", "0<6", "0>6", "0^7"]:
    print(repr(spec), repr(format(1234, spec)), repr(format(-42, spec)), repr(format(0, spec)))
print(f"[{7:>4}] [{7:<4}] [{7:^5}] [{-7:=5}] [{7:x^5}]")
