def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = b"\x00\xffab\x01"
print(b.hex(), b.hex(":"), b.hex("-", 2), b.hex("-", -2), b.hex(b"_", 3), b"".hex(), b.hex(" ", 10))
print(bytes.fromhex("00 ff 61"), bytes.fromhex(""), bytes.fromhex(" 0A0b\t0c "), bytes.fromhex("deadBEEF"))
print(bytearray.fromhex("41 42") if hasattr(bytearray, "fromhex") else "n/a")
t(lambda: bytes.fromhex("0g"))
t(lambda: bytes.fromhex("0"))
t(lambda: bytes.fromhex("0 0"))
t(lambda: bytes.fromhex(b"00"))
t(lambda: b.hex("::"))
t(lambda: b.hex(1))
for n in [0, 1, 255, 256, 65535]:
    print(n, n.to_bytes(2, "big").hex(), bytes.fromhex(n.to_bytes(2, "big").hex()) == n.to_bytes(2, "big"))
