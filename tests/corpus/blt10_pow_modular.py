def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: pow(2, 10))
t(lambda: pow(2, 10, 1000))
t(lambda: pow(3, -1, 7))
t(lambda: pow(38, -1, 97))
t(lambda: pow(10, -2, 7))
t(lambda: pow(2, -1, 4))
t(lambda: pow(2, 3, 0))
t(lambda: pow(-2, 3, 5))
t(lambda: pow(2, 3, -5))
t(lambda: pow(2**80, 2**70, 10**9 + 7))
t(lambda: pow(2, -2))
t(lambda: pow(0, -1))
t(lambda: pow(2.0, 3, 5))
t(lambda: pow(2, 3.0, 4))
t(lambda: pow(2, 0.5))
t(lambda: pow(1))
t(lambda: pow(2, 3, 4, 5))
t(lambda: pow(base=2, exp=5))
