def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: int.from_bytes(b"\x01\x00", "big"))
t(lambda: int.from_bytes(b"\x01\x00", "little"))
t(lambda: int.from_bytes(b"\xff\xff", "big", signed=True))
t(lambda: int.from_bytes(b"\xff\xff", byteorder="little", signed=False))
t(lambda: int.from_bytes(b"\xff" * 20, "big"))
t(lambda: int.from_bytes(b"\x80" + b"\x00" * 15, "big", signed=True))
t(lambda: int.from_bytes([1, 2, 3], "big"))
t(lambda: int.from_bytes(bytearray(b"\x10\x20"), "little"))
t(lambda: int.from_bytes(b"", "big"))
t(lambda: int.from_bytes(b"\x05"))
t(lambda: int.from_bytes(b"\x01", "middle"))
