def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for s in ["0x1.8p+0", "0x1.999999999999ap-4", "-0x1p-1074", "0x1p-1075", "0x1.8p-1075", "inf", "-Infinity", "nan", "0X1P4", "  0x10  ", "1.8", "0x.8", "0x1.", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.fffffffffffffp1023", "-0x0p0", "0xap0"]:
    t(lambda: float.fromhex(s))
t(lambda: float.fromhex("0x1p1024"))
t(lambda: float.fromhex("zz"))
t(lambda: float.fromhex("0x"))
t(lambda: float.fromhex("0x1p"))
t(lambda: float.fromhex(1))
for x in [0.1, 1e-300, 123.456, -7.0]:
    print(float.fromhex(x.hex()) == x)
