def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for n in [1234, 1250, 1350, -1250, 15, 25, 35, 5, 0, 2**80 + 5]:
    print(n, round(n), round(n, -1), round(n, -2), round(n, 2))
t(lambda: round(True))
t(lambda: round(True, 2))
t(lambda: round(7, -100))
t(lambda: type(round(7.0)).__name__)
t(lambda: type(round(7.0, 0)).__name__)
