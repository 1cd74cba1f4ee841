"""dir() of str, bytes, int, float and bool values: the public methods and properties, sorted, each
found by getattr; a few of the dunders behind the operators."""

for v in ["", b"", 1, 1.5, True]:
    names = dir(v)
    pub = [n for n in names if not n.startswith("_")]
    print(type(v).__name__, len(pub), names == sorted(names))
    print(" ", pub)
    print("  all found", all(hasattr(v, n) for n in pub))
    print("  ops", [d for d in ["__add__", "__mul__", "__mod__", "__lt__", "__len__"] if d in names])

print("upper" in dir(str), "decode" in dir(b"x"), "bit_length" in dir(int), "is_integer" in dir(float))
print((5).from_bytes(b"\x01\x00", "big"), (0).from_bytes(b"\x01\x00", byteorder="little"))
print("real" in dir(1), "imag" in dir(1.0), "numerator" in dir(True))
