def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: (1024).to_bytes(2, "big"))
t(lambda: (1024).to_bytes(2, "little"))
t(lambda: (-1).to_bytes(2, "big", signed=True))
t(lambda: (-129).to_bytes(2, "little", signed=True))
t(lambda: (2**100).to_bytes(13, "big"))
t(lambda: (-2**100).to_bytes(14, "little", signed=True))
t(lambda: (0).to_bytes(0, "big"))
t(lambda: (5).to_bytes())
t(lambda: (65).to_bytes(3, byteorder="big"))
t(lambda: (256).to_bytes(1, "big"))
t(lambda: (-1).to_bytes(1, "big"))
t(lambda: (128).to_bytes(1, "big", signed=True))
t(lambda: int.from_bytes((123456789).to_bytes(8, "little"), "little"))
