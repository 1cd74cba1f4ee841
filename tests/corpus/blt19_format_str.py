def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for spec in ["", "10", "<10", ">10", "^10", "*^9", ".2", "10.3", "s", "05", "x>6", "^1"]:
    print(repr(spec), repr(format("hello", spec)), repr(format("", spec)), repr(format("hé€", spec)))
for spec in ["=10", "+", " ", "#", ",", "_", "d", "x", "z"]:
    t(lambda: format("hello", spec))
print(f"|{'ab':>5}|{'ab':-<5}|{'ab':_^6}|{'abcdef':.3}|")
print("{:>8}|{:^8}|{:<8}".format("a", "b", "c"))
